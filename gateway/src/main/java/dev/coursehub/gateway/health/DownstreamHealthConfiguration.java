package dev.coursehub.gateway.health;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code downstream} health component: one check per service. It shows on
 * {@code /actuator/health} but is deliberately not in the readiness group, so one service
 * being down never takes the gateway out of rotation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DownstreamProperties.class)
class DownstreamHealthConfiguration {

	@Bean
	CompositeReactiveHealthContributor downstreamHealthContributor(DownstreamProperties properties) {
		WebClient client = WebClient.create();
		Map<String, ReactiveHealthContributor> services = new TreeMap<>();
		properties.urls()
			.forEach((name, url) -> services.put(name,
					new DownstreamHealthIndicator(client, url, properties.healthTimeout())));
		return CompositeReactiveHealthContributor.fromMap(services);
	}

}
