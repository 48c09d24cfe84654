package dev.coursehub.messaging.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this instance's delivery workers run.
 *
 * @param enabled whether this instance sends at all
 * @param instanceId names this instance's claims; random when not set
 * @param concurrency sends in flight at once on this instance
 * @param batchSize recipients claimed at once
 * @param lease how long a claim holds; an in-flight send whose claim expired becomes
 * {@code unknown}
 * @param pollInterval how often idle workers look for work
 * @param maxAttempts tries of a send that failed with a 5xx or a timeout
 * @param retryBackoff wait before the second try; doubled for each further try
 * @param failureThreshold failure rate (0..1) that pauses a broadcast
 * @param failureMinSample outcomes needed before the failure rate is judged
 * @param shutdownGrace how long a stop waits for sends in flight
 */
@ConfigurationProperties("coursehub.delivery")
public record DeliveryProperties(boolean enabled, String instanceId, int concurrency, int batchSize, Duration lease,
		Duration pollInterval, int maxAttempts, Duration retryBackoff, double failureThreshold, int failureMinSample,
		Duration shutdownGrace) {

	public DeliveryProperties {
		instanceId = (instanceId != null && !instanceId.isBlank()) ? instanceId
				: "messaging-" + java.util.UUID.randomUUID();
		concurrency = (concurrency > 0) ? concurrency : 8;
		batchSize = (batchSize > 0) ? batchSize : 50;
		lease = (lease != null) ? lease : Duration.ofSeconds(60);
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofMillis(500);
		maxAttempts = (maxAttempts > 0) ? maxAttempts : 5;
		retryBackoff = (retryBackoff != null) ? retryBackoff : Duration.ofSeconds(2);
		failureThreshold = (failureThreshold > 0) ? failureThreshold : 0.5;
		failureMinSample = (failureMinSample > 0) ? failureMinSample : 20;
		shutdownGrace = (shutdownGrace != null) ? shutdownGrace : Duration.ofSeconds(15);
	}

	/**
	 * Wait before try {@code attempts + 1}: backoff × 2^(attempts - 1), at most 5
	 * minutes.
	 */
	Duration backoffAfter(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 16);
		Duration wait = this.retryBackoff.multipliedBy(factor);
		return (wait.compareTo(Duration.ofMinutes(5)) > 0) ? Duration.ofMinutes(5) : wait;
	}

}
