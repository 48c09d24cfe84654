package dev.coursehub.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway's own HTTP edge.
 *
 * @param maxBodySize largest request body accepted
 * @param corsOrigins frontend origins allowed to call from a browser
 */
@ConfigurationProperties("coursehub.gateway.web")
record WebProperties(DataSize maxBodySize, List<String> corsOrigins) {

	WebProperties {
		corsOrigins = (corsOrigins != null)
				? corsOrigins.stream().map(String::trim).filter((origin) -> !origin.isEmpty()).toList() : List.of();
	}

}
