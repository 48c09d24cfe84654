package dev.coursehub.gateway.health;

import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;

/** UP when the service answers its own {@code /actuator/health} with 2xx in time. */
class DownstreamHealthIndicator implements ReactiveHealthIndicator {

	private final WebClient client;

	private final URI healthUri;

	private final Duration timeout;

	DownstreamHealthIndicator(WebClient client, URI baseUrl, Duration timeout) {
		this.client = client;
		this.healthUri = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/actuator/health");
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return this.client.get()
			.uri(this.healthUri)
			.exchangeToMono((response) -> response.releaseBody()
				.thenReturn(response.statusCode().is2xxSuccessful() ? Health.up().build()
						: Health.down().withDetail("status", response.statusCode().value()).build()))
			.timeout(this.timeout)
			.onErrorResume((ex) -> Mono.just(Health.down().withDetail("error", ex.getClass().getSimpleName()).build()));
	}

}
