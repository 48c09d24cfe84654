package dev.coursehub.servicekit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox relay runs.
 *
 * @param enabled whether this instance relays (every instance may: only one publishes at
 * a time)
 * @param pollInterval how often to look for unpublished rows
 * @param batchSize rows published per transaction
 * @param retention how long published rows are kept before they are deleted
 * @param cleanupInterval how often published rows are deleted
 */
@ConfigurationProperties("coursehub.outbox")
public record OutboxProperties(boolean enabled, Duration pollInterval, int batchSize, Duration retention,
		Duration cleanupInterval) {

	public OutboxProperties {
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofMillis(200);
		batchSize = (batchSize > 0) ? batchSize : 200;
		retention = (retention != null) ? retention : Duration.ofHours(1);
		cleanupInterval = (cleanupInterval != null) ? cleanupInterval : Duration.ofMinutes(1);
	}

}
