package dev.coursehub.booking.workshop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.coursehub.booking.TestData;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Makes workshops and runs through the API. Every workshop gets its own instructor, so
 * tests never collide on the instructor-overlap constraint unless they mean to.
 */
public final class WorkshopData {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final WebTestClient client;

	public WorkshopData(WebTestClient client) {
		this.client = client;
	}

	/**
	 * A workshop in location A with its own instructor and the given default capacity.
	 */
	public long workshop(int capacity) {
		int n = sequence.incrementAndGet();
		return post("/workshops",
				Map.of("title", "React Fundamentals " + n, "description", "Hooks and state", "defaultCapacity",
						capacity, "instructor", "Instructor " + n + "-" + System.nanoTime(), "location", "A"))
			.get("id")
			.asLong();
	}

	/**
	 * A run of {@code days} consecutive daily sessions, 09:00-17:00 London, from
	 * {@code firstDay}.
	 */
	public JsonNode run(long workshopId, LocalDate firstDay, int days) {
		List<Map<String, Object>> sessions = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			sessions.add(Map.of("date", firstDay.plusDays(i).toString(), "startTime", "09:00", "endTime", "17:00",
					"timeZone", "Europe/London"));
		}
		return post("/workshops/" + workshopId + "/runs",
				Map.of("name", "Batch " + sequence.incrementAndGet(), "sessions", sessions));
	}

	/** A one-session run a few weeks ahead; returns the session id. */
	public long session(long workshopId) {
		return run(workshopId, LocalDate.now().plusDays(30 + sequence.incrementAndGet() % 300), 1).get("sessions")
			.get(0)
			.get("id")
			.asLong();
	}

	public static List<Long> sessionIds(JsonNode run) {
		List<Long> ids = new ArrayList<>();
		run.get("sessions").forEach((s) -> ids.add(s.get("id").asLong()));
		return ids;
	}

	public JsonNode post(String path, Object body) {
		return TestData.created(this.client, path, body);
	}

	/** Enroll the user; returns the response (status asserted by the caller). */
	public WebTestClient.ResponseSpec enroll(long userId, Map<String, Object> body) {
		return this.client.post()
			.uri("/me/enrollments")
			.header("X-User-Id", String.valueOf(userId))
			.bodyValue(body)
			.exchange();
	}

}
