package dev.coursehub.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway.
 *
 * @param urls base URL of each service by name ({@code booking}, {@code analytics}, ...)
 * @param healthTimeout how long a health check may wait for a service's answer
 */
@ConfigurationProperties("coursehub.gateway.services")
public record DownstreamProperties(Map<String, URI> urls, Duration healthTimeout) {

	public DownstreamProperties {
		urls = (urls != null) ? Map.copyOf(urls) : Map.of();
	}

}
