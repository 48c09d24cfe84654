package dev.coursehub.gateway;

import dev.coursehub.testkit.ActuatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestTokens.SECRET_PROPERTY)
@AutoConfigureWebTestClient
class GatewayRoutesTests {

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

	WebTestClient asAdmin() {
		return this.client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin("1")).build();
	}

	@ParameterizedTest
	@CsvSource({ "/api/booking/actuator/health, /actuator/health", "/api/analytics/figures?x=1, /figures?x=1",
			"/api/messaging/broadcasts/7, /broadcasts/7" })
	void routesEachServicePrefixToItsService(String publicPath, String servicePath) {
		asAdmin().get()
			.uri(publicPath)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Echo-Path", servicePath);
		assertThat(downstream.received()).anySatisfy((received) -> assertThat(received.uri()).isEqualTo(servicePath));
	}

	@Test
	void unknownPathsAreNotRouted() {
		asAdmin().get().uri("/api/elsewhere/actuator/health").exchange().expectStatus().isNotFound();
	}

	@Test
	void tagsEveryMeterWithTheApplication() {
		ActuatorAssertions.assertEveryMeterTagged(asAdmin(), "gateway");
	}

}
