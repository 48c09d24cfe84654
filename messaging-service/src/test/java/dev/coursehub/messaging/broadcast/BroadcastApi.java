package dev.coursehub.messaging.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The broadcasts API as tests call it.
 */
final class BroadcastApi {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private final WebTestClient web;

	BroadcastApi(WebTestClient web) {
		this.web = web;
	}

	static Map<String, Object> toUsers(long... userIds) {
		return Map.of("kind", "users", "userIds", Arrays.stream(userIds).boxed().toList());
	}

	Map<String, Object> create(String text, Map<String, Object> target) {
		return create(text, target, null);
	}

	Map<String, Object> create(String text, Map<String, Object> target, Instant scheduledAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		body.put("target", target);
		if (scheduledAt != null) {
			body.put("scheduledAt", scheduledAt.toString());
		}
		return this.web.post()
			.uri("/broadcasts")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	Map<String, Object> get(long id) {
		return this.web.get()
			.uri("/broadcasts/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	Map<String, Object> post(long id, String action) {
		return this.web.post()
			.uri("/broadcasts/{id}/" + action, id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> recipients(long id) {
		Map<String, Object> page = this.web.get()
			.uri("/broadcasts/{id}/recipients?limit=100", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(MAP)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

	@SuppressWarnings("unchecked")
	static long count(Map<String, Object> broadcast, String status) {
		return ((Number) ((Map<String, Object>) broadcast.get("counts")).get(status)).longValue();
	}

	static long id(Map<String, Object> broadcast) {
		return ((Number) broadcast.get("id")).longValue();
	}

	Map<String, Object> awaitState(long id, String state, Duration atMost) {
		await().atMost(atMost).until(() -> state.equals(get(id).get("state")));
		return get(id);
	}

}
