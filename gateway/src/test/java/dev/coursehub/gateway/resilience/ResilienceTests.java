package dev.coursehub.gateway.resilience;

import java.time.Duration;
import java.util.List;

import dev.coursehub.gateway.ClosedPort;
import dev.coursehub.gateway.FakeDownstream;
import dev.coursehub.gateway.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY, "BOOKING_RESPONSE_TIMEOUT_MS=300" })
@AutoConfigureWebTestClient
class ResilienceTests {

	static FakeDownstream downstream;

	@Autowired
	WebTestClient client;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startDownstream() {
		downstream = FakeDownstream.start();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop();
	}

	@DynamicPropertySource
	static void downstreamUrls(DynamicPropertyRegistry registry) {
		downstream.register(registry);
		int closed = ClosedPort.find();
		registry.add("ANALYTICS_URL", () -> "http://localhost:" + closed);
	}

	@Test
	void aServiceThatIsNotListeningGives503ProblemQuickly() {
		long start = System.nanoTime();
		asAdmin().get()
			.uri("/api/analytics/figures")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503)
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("analytics"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aServiceSlowerThanTheRouteTimeoutGives504Problem() {
		long start = System.nanoTime();
		asAdmin().get()
			.uri("/api/booking/slow/figures")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(504);
		// the route timeout is 300 ms; the service would answer after 10 s
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void retriesReadsOfAFailingService() {
		asAdmin().get().uri("/api/booking/unavailable/get").exchange().expectStatus().isEqualTo(503);
		assertThat(timesReceived("/unavailable/get")).isEqualTo(3);
	}

	@Test
	void neverRetriesAWriteWithoutAnIdempotencyKey() {
		asAdmin().post().uri("/api/booking/unavailable/post").exchange().expectStatus().isEqualTo(503);
		assertThat(timesReceived("/unavailable/post")).isEqualTo(1);
	}

	@Test
	void retriesAWriteThatCarriesAnIdempotencyKey() {
		asAdmin().post()
			.uri("/api/booking/unavailable/keyed")
			.header("Idempotency-Key", "7f1d")
			.bodyValue("{\"seats\":1}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(timesReceived("/unavailable/keyed")).isEqualTo(3);
	}

	@Test
	void configuresTheCircuitBreakersFromApplicationYml() {
		CircuitBreakerConfig config = this.circuitBreakers.circuitBreaker("booking").getCircuitBreakerConfig();
		assertThat(config.getSlidingWindowSize()).isEqualTo(20);
		assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
		assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
	}

	@Test
	void letsManyConcurrentCallsThroughToAHealthyService() {
		// Spring Cloud CircuitBreaker's default Resilience4j bulkhead allows 25
		// concurrent
		// calls per route and answers the 26th with an error: the gateway must not cap a
		// healthy service's concurrency (the services and their pools do that)
		int calls = 60;
		WebClient admin = WebClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin("1"))
			.build();
		List<Integer> statuses = Flux.range(0, calls)
			.flatMap(
					(i) -> admin.get()
						.uri("/api/messaging/busy/" + i)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					calls)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).hasSize(calls).containsOnly(200);
	}

	private long timesReceived(String uri) {
		return downstream.received().stream().filter((received) -> received.uri().equals(uri)).count();
	}

	private WebTestClient asAdmin() {
		return this.client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin("1")).build();
	}

}
