package dev.coursehub.testkit;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every service makes of its actuator endpoints, so each service's test states
 * what it depends on rather than repeating how to look.
 */
public final class ActuatorAssertions {

	private ActuatorAssertions() {
	}

	/**
	 * Assert the readiness group is UP and includes exactly the given health components,
	 * and that liveness is UP.
	 */
	public static void assertReady(WebTestClient client, String... components) {
		client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.readinessState.status")
			.isEqualTo("UP")
			.consumeWith((result) -> {
				for (String component : components) {
					assertThat(new String(result.getResponseBodyContent())).as("readiness includes " + component)
						.contains("\"" + component + "\":{\"status\":\"UP\"");
				}
			});
		client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	/**
	 * Assert every series on {@code /actuator/prometheus} carries {@code application}.
	 */
	public static void assertEveryMeterTagged(WebTestClient client, String application) {
		String body = client.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotBlank();
		List<String> series = body.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).toList();
		assertThat(series).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("application=\"" + application + "\""));
	}

}
