package dev.coursehub.booking.activity;

import java.util.Map;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.testkit.EventExamples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@BookingServiceIT
class ActivityApiIT {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	long user = TestData.newUserId();

	@Test
	void recordsAnActivityWithItsDetailsAndPublishesIt() {
		long id = this.client.post()
			.uri("/me/activities")
			.header("X-User-Id", String.valueOf(this.user))
			.bodyValue(Map.of("type", "lesson_link_clicked", "details", Map.of("lesson_type", "intro_to_python")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof Number n ? n.longValue() : -1;

		String event = this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE aggregate_type = 'activity' AND aggregate_id = :id")
			.bind("id", String.valueOf(id))
			.map((row) -> row.get("p", String.class))
			.one()
			.block();
		EventExamples.catalog().assertMatchesExample(event);
	}

	@Test
	void refusesOversizedOrMalformedDetails() {
		post(Map.of("userId", this.user, "type", "lesson_link_clicked", "details", Map.of("x", "y".repeat(5000))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("details");
		post(Map.of("userId", this.user, "type", "lesson_link_clicked", "details", "not an object")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("details");
		post(Map.of("userId", this.user, "type", "Lesson Link!")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("type");
		post(Map.of("userId", this.user, "type", "x", "occurredAt", "2999-01-01T00:00:00Z")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("occurredAt");
	}

	private WebTestClient.ResponseSpec post(Map<String, Object> body) {
		return this.client.post().uri("/activities").bodyValue(body).exchange();
	}

}
