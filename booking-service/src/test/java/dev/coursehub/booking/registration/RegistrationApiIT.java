package dev.coursehub.booking.registration;

import java.util.List;
import java.util.Map;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.testkit.EventExamples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class RegistrationApiIT {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	long user = TestData.newUserId();

	@Test
	void registersOncePerLessonTypeAndUpdatesOnASecondRegistration() {
		long id = register("maria@example.com", "2026-12-01").expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof Number n ? n.longValue() : -1;
		register("maria@example.com", "2026-12-01").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
		register("maria.new@example.com", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("maria.new@example.com")
			.jsonPath("$.lessonDate")
			.isEqualTo("2026-12-01");

		assertThat(count("SELECT count(*) AS n FROM free_lesson_registration WHERE user_id = :id")).isEqualTo(1);
		List<String> events = payloads(String.valueOf(id));
		assertThat(events).hasSize(2);
		events.forEach(EventExamples.catalog()::assertMatchesExample);
		assertThat(events.get(0)).contains("registration.created.v1").doesNotContain("example.com");
	}

	@Test
	void requiresAValidEmail() {
		for (String email : new String[] { "", "not-an-email", "a@" }) {
			register(email, null).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("email");
		}
	}

	@Test
	void marksTheNotificationSentOnce() {
		long id = register("n@example.com", null).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof Number n ? n.longValue() : -1;
		for (int i = 0; i < 2; i++) {
			this.client.post()
				.uri("/registrations/{id}/notification-sent", id)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.notificationSent")
				.isEqualTo(true);
		}
		assertThat(payloads(String.valueOf(id))).hasSize(2);
		this.client.post()
			.uri("/registrations/987654321/notification-sent")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private WebTestClient.ResponseSpec register(String email, String date) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("userId", this.user, "email", email, "lessonType", "intro_to_python", "firstName", "Мария"));
		if (date != null) {
			body.put("lessonDate", date);
		}
		return this.client.post().uri("/registrations").bodyValue(body).exchange();
	}

	private List<String> payloads(String aggregateId) {
		return this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE aggregate_type = 'registration' "
					+ "AND aggregate_id = :id ORDER BY id")
			.bind("id", aggregateId)
			.map((row) -> row.get("p", String.class))
			.all()
			.collectList()
			.block();
	}

	private long count(String sql) {
		return this.database.sql(sql).bind("id", this.user).map((row) -> row.get("n", Long.class)).one().block();
	}

}
