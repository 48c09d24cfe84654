package dev.coursehub.gateway.web;

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
		properties = { TestTokens.SECRET_PROPERTY, "coursehub.gateway.web.max-body-size=1KB",
				"coursehub.gateway.web.cors-origins=https://courses.example, https://app.example" })
@AutoConfigureWebTestClient
class EdgeTests {

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
	void refusesABodyOverTheLimitWith413Problem() {
		this.client.post()
			.uri("/api/booking/me/bookings")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user("1"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"note\":\"" + "x".repeat(2048) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(downstream.received())
			.noneSatisfy((received) -> assertThat(received.uri()).isEqualTo("/me/bookings"));
	}

	@Test
	void acceptsABodyWithinTheLimit() {
		this.client.post()
			.uri("/api/booking/me/bookings")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user("1"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"streamId\":3}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void answersPreflightForAConfiguredOrigin() {
		this.client.options()
			.uri("/api/booking/me/bookings")
			.header(HttpHeaders.ORIGIN, "https://app.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example");
	}

	@Test
	void refusesPreflightForAnyOtherOrigin() {
		this.client.options()
			.uri("/api/booking/me/bookings")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void setsSecurityHeadersWithAStrictContentSecurityPolicy() {
		this.client.get()
			.uri("/api/booking/courses")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	@Test
	void answersUnknownPathsWith404Problem() {
		this.client.get()
			.uri("/api/elsewhere/things")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin("1"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
