package dev.coursehub.gateway.health;

import dev.coursehub.gateway.ClosedPort;
import dev.coursehub.gateway.FakeDownstream;
import dev.coursehub.gateway.TestTokens;
import dev.coursehub.testkit.ActuatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestTokens.SECRET_PROPERTY)
@AutoConfigureWebTestClient
class DownstreamHealthTests {

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
		int closed = ClosedPort.find();
		registry.add("MESSAGING_URL", () -> "http://localhost:" + closed);
	}

	@Test
	void showsWhichServicesAreUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody()
			.jsonPath("$.components.downstream.components.booking.status")
			.isEqualTo("UP")
			.jsonPath("$.components.downstream.components.analytics.status")
			.isEqualTo("UP")
			.jsonPath("$.components.downstream.components.messaging.status")
			.isEqualTo("DOWN");
		assertThat(downstream.received())
			.anySatisfy((received) -> assertThat(received.uri()).isEqualTo("/actuator/health"));
	}

	@Test
	void staysReadyWhileAServiceIsDown() {
		ActuatorAssertions.assertReady(this.client, "readinessState");
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectBody()
			.jsonPath("$.components.downstream")
			.doesNotExist();
	}

}
