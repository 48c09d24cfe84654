package dev.coursehub.gateway.requestlog;

import dev.coursehub.gateway.FakeDownstream;
import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestTokens.SECRET_PROPERTY)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests {

	static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

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
	void generatesATraceparentAndPassesItDownstreamAndBack() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/api/booking/courses")
			.exchange()
			.expectBody()
			.returnResult();
		Traceparent returned = Traceparent.parse(result.getResponseHeaders().getFirst("traceparent"));
		Traceparent downstreamSaw = Traceparent.parse(result.getResponseHeaders().getFirst("X-Echo-Traceparent"));
		assertThat(returned).isNotNull();
		assertThat(downstreamSaw).isEqualTo(returned);
	}

	@Test
	void keepsTheCallersTraceId() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/api/booking/courses")
			.header("traceparent", TRACEPARENT)
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(Traceparent.parse(result.getResponseHeaders().getFirst("traceparent")).traceId())
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(Traceparent.parse(result.getResponseHeaders().getFirst("X-Echo-Traceparent")).traceId())
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void replacesAMalformedTraceparent() {
		EntityExchangeResult<byte[]> result = this.client.get()
			.uri("/api/booking/courses")
			.header("traceparent", "00-not-a-trace-01")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(Traceparent.parse(result.getResponseHeaders().getFirst("X-Echo-Traceparent"))).isNotNull();
	}

	@Test
	void writesOneLinePerRequestWithoutQueryOrToken(CapturedOutput output) {
		String token = TestTokens.user("1234");
		this.client.get()
			.uri("/api/booking/me/bookings?token=query-secret")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("traceparent", TRACEPARENT)
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get().uri("/api/booking/users").exchange().expectStatus().isUnauthorized();
		await().untilAsserted(() -> assertThat(output.getOut())
			.contains("GET route=booking path=/api/booking/me/bookings status=200 latency_ms=")
			.contains("trace_id=4bf92f3577b34da6a3ce929d0e0e4736")
			.contains("GET route=- path=/api/booking/users status=401"));
		assertThat(output.getOut()).doesNotContain("query-secret").doesNotContain(token);
	}

}
