package dev.coursehub.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.coursehub.testkit.ActuatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutesTests {

	static final List<String> received = new CopyOnWriteArrayList<>();

	static DisposableServer downstream;

	@Autowired
	WebTestClient client;

	@BeforeAll
	static void startDownstream() {
		// one fake downstream answers for all three services and records what reached it
		downstream = HttpServer.create().host("localhost").port(0).handle((request, response) -> {
			received.add(request.uri());
			return response.header("Content-Type", "text/plain").sendString(Mono.just("ok " + request.uri()));
		}).bindNow();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.disposeNow();
	}

	@DynamicPropertySource
	static void downstreamUrls(DynamicPropertyRegistry registry) {
		for (String service : List.of("BOOKING", "ANALYTICS", "MESSAGING")) {
			registry.add(service + "_URL", () -> "http://localhost:" + downstream.port());
		}
	}

	@ParameterizedTest
	@CsvSource({ "/api/booking/actuator/health, /actuator/health", "/api/analytics/figures?x=1, /figures?x=1",
			"/api/messaging/broadcasts/7, /broadcasts/7" })
	void routesEachServicePrefixToItsService(String publicPath, String servicePath) {
		this.client.get()
			.uri(publicPath)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("ok " + servicePath);
		assertThat(received).contains(servicePath);
	}

	@Test
	void unknownPathsAreNotRouted() {
		this.client.get().uri("/api/elsewhere/actuator/health").exchange().expectStatus().isNotFound();
	}

	@Test
	void tagsEveryMeterWithTheApplication() {
		ActuatorAssertions.assertEveryMeterTagged(this.client, "gateway");
	}

}
