package dev.coursehub.booking;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Makes courses, streams and bookings through the API, with fresh ids for every test. */
public final class TestData {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final WebTestClient client;

	public TestData(WebTestClient client) {
		this.client = client;
	}

	/** A Telegram user id no other test uses. */
	public static long newUserId() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
	}

	public long course() {
		return post("/courses", Map.of("title", "Вайб кодинг " + sequence.incrementAndGet())).get("id").asLong();
	}

	public String stream(long courseId, String code) {
		post("/courses/" + courseId + "/streams", Map.of("code", code, "name", code.replace('_', ' ')));
		return code;
	}

	public JsonNode booking(long userId, long courseId, String stream) {
		return post("/bookings", Map.of("userId", userId, "courseId", courseId, "stream", stream, "username",
				"user" + userId, "firstName", "Имя"));
	}

	public JsonNode post(String path, Object body) {
		return created(this.client, path, body);
	}

	/**
	 * POSTs {@code body} to {@code path}, expects 201 and returns the created resource.
	 */
	public static JsonNode created(WebTestClient client, String path, Object body) {
		return client.post()
			.uri(path)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
