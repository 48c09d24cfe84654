package dev.coursehub.gateway.ratelimit;

import dev.coursehub.gateway.FakeDownstream;
import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY, "coursehub.gateway.rate-limit.capacity=5",
				"coursehub.gateway.rate-limit.refill-tokens=1", "coursehub.gateway.rate-limit.refill-period=1m" })
@AutoConfigureWebTestClient
class RateLimitTests {

	static FakeDownstream downstream;

	@Autowired
	WebTestClient client;

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
	}

	@Test
	void oneUsersFloodIsRefusedWhileAnotherUserIsServed() {
		String flooder = TestTokens.user("501");
		for (int i = 0; i < 5; i++) {
			get("/api/booking/me/bookings", flooder).expectStatus().isOk();
		}
		get("/api/booking/me/bookings", flooder).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (retryAfter) -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L))
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429);
		get("/api/booking/me/bookings", TestTokens.user("502")).expectStatus().isOk();
	}

	@Test
	void anonymousCallersAreLimitedPerAddressButHealthProbesNever() {
		for (int i = 0; i < 5; i++) {
			get("/api/booking/courses", null).expectStatus().isOk();
		}
		get("/api/booking/courses", null).expectStatus().isEqualTo(429);
		get("/api/booking/courses", TestTokens.user("503")).expectStatus().isOk();
		for (int i = 0; i < 10; i++) {
			get("/actuator/health/liveness", null).expectStatus().isOk();
		}
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri(path);
		if (token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return request.exchange();
	}

}
