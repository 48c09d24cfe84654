package dev.coursehub.messaging.recipient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.coursehub.testkit.EventExamples;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The directory kept from booking-service's events, read from the catalog's examples and
 * published to the real topic; targets counted through the preview endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "coursehub.telegram.bot-token=")
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class RecipientDirectoryIT {

	static final AtomicLong ids = new AtomicLong(7_000_000);

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient web;

	@Value("${coursehub.kafka.topics.booking-events}")
	String topic;

	@Test
	void keepsProfilesStreamsPaymentAndLessonTypesFromBookingEvents() {
		long user = ids.incrementAndGet();
		long booking = ids.incrementAndGet();
		String stream = "stream_" + user;
		publish("user.updated.v1", user, 1, Map.of("userId", user, "username", "anya_" + user));
		publish("booking.created.v1", booking, 1,
				Map.of("bookingId", booking, "userId", user, "stream", stream, "status", "pending"));
		publish("registration.created.v1", ids.incrementAndGet(), 1,
				Map.of("userId", user, "lessonType", "intro_" + user));
		await()
			.until(() -> ("anya_" + user).equals(this.database.sql("SELECT username FROM recipient WHERE user_id = :id")
				.bind("id", user)
				.map((row) -> row.get("username", String.class))
				.one()
				.block()) && count(Map.of("kind", "lesson_type", "lessonType", "intro_" + user)) == 1);
		assertThat(count(Map.of("kind", "stream", "stream", stream))).as("a pending booking is no member").isZero();
		assertThat(count(Map.of("kind", "users", "userIds", List.of(user)))).isEqualTo(1);

		publish("booking.confirmed.v1", booking, 2,
				Map.of("bookingId", booking, "userId", user, "stream", stream, "status", "confirmed"));
		await().until(() -> count(Map.of("kind", "stream", "stream", stream)) == 1);
		assertThat(neverPaid(user)).isFalse();

		publish("booking.stream_changed.v1", booking, 3,
				Map.of("bookingId", booking, "userId", user, "stream", stream + "_b", "status", "confirmed"));
		await().until(() -> count(Map.of("kind", "stream", "stream", stream + "_b")) == 1);
		assertThat(count(Map.of("kind", "stream", "stream", stream))).isZero();

		publish("booking.cancelled.v1", booking, 4,
				Map.of("bookingId", booking, "userId", user, "stream", stream + "_b", "status", "cancelled"));
		await().until(() -> count(Map.of("kind", "stream", "stream", stream + "_b")) == 0);
		assertThat(neverPaid(user)).as("paid once stays paid").isFalse();
	}

	@Test
	void aRedeliveredOrLateEventChangesNothing() {
		long user = ids.incrementAndGet();
		long booking = ids.incrementAndGet();
		String stream = "stream_" + user;
		UUID confirmed = UUID.randomUUID();
		publish(confirmed, "booking.confirmed.v1", booking, 2,
				Map.of("bookingId", booking, "userId", user, "stream", stream, "status", "confirmed"));
		publish("booking.cancelled.v1", booking, 3,
				Map.of("bookingId", booking, "userId", user, "stream", stream, "status", "cancelled"));
		await().until(() -> processed() >= 2 && "cancelled".equals(status(booking)));

		// the same event again, and an older one under a new id
		publish(confirmed, "booking.confirmed.v1", booking, 2,
				Map.of("bookingId", booking, "userId", user, "stream", stream, "status", "confirmed"));
		publish("booking.created.v1", booking, 1,
				Map.of("bookingId", booking, "userId", user, "stream", stream, "status", "pending"));
		long marker = ids.incrementAndGet();
		// keyed like the booking: on its partition, so read after the two above
		publish("user.updated.v1", booking, 1, Map.of("userId", marker, "username", "marker"));
		await().until(() -> count(Map.of("kind", "users", "userIds", List.of(marker))) == 1);

		assertThat(status(booking)).isEqualTo("cancelled");
		assertThat(count(Map.of("kind", "stream", "stream", stream))).isZero();
	}

	@Test
	void neverPaidAndAllLeaveUnreachableRecipientsOut() {
		long paid = ids.incrementAndGet();
		long unpaid = ids.incrementAndGet();
		long blocked = ids.incrementAndGet();
		publish("booking.created.v1", ids.incrementAndGet(), 1,
				Map.of("bookingId", ids.get(), "userId", paid, "stream", "s_" + paid, "status", "confirmed"));
		publish("user.updated.v1", unpaid, 1, Map.of("userId", unpaid));
		publish("user.updated.v1", blocked, 1, Map.of("userId", blocked));
		await().until(() -> count(Map.of("kind", "users", "userIds", List.of(paid, unpaid, blocked))) == 3);
		long all = count(Map.of("kind", "all"));
		long neverPaid = count(Map.of("kind", "never_paid"));

		this.database.sql("UPDATE recipient SET reachable = false WHERE user_id = :id")
			.bind("id", blocked)
			.then()
			.block();

		assertThat(count(Map.of("kind", "all"))).isEqualTo(all - 1);
		assertThat(count(Map.of("kind", "never_paid"))).isEqualTo(neverPaid - 1);
		assertThat(count(Map.of("kind", "users", "userIds", List.of(paid, unpaid, blocked)))).isEqualTo(2);
		assertThat(neverPaid(paid)).isFalse();
		assertThat(neverPaid(unpaid)).isTrue();
	}

	@Test
	void rejectsIncompleteTargetsNamingTheField() {
		this.web.post()
			.uri("/broadcasts/preview")
			.bodyValue(Map.of("kind", "stream"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("target.stream");
		this.web.post()
			.uri("/broadcasts/preview")
			.bodyValue(Map.of("kind", "everyone"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("target.kind");
	}

	@Test
	void rejectsBadBroadcastsNamingTheField() {
		Map<String, Object> target = Map.of("kind", "all");
		expectInvalid(Map.of("text", "x".repeat(4097), "target", target), "text");
		expectInvalid(Map.of("text", " ", "target", target), "text");
		expectInvalid(Map.of("text", "hi", "parseMode", "Markdown2", "target", target), "parseMode");
		expectInvalid(Map.of("text", "hi"), "target");
		expectInvalid(Map.of("text", "hi", "target", Map.of("kind", "users", "userIds", List.of())), "target.userIds");
	}

	private void expectInvalid(Map<String, Object> body, String field) {
		this.web.post()
			.uri("/broadcasts")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

	private long count(Map<String, Object> target) {
		Map<?, ?> answer = this.web.post()
			.uri("/broadcasts/preview")
			.bodyValue(target)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) answer.get("recipients")).longValue();
	}

	private boolean neverPaid(long user) {
		return !this.database.sql("SELECT ever_paid FROM recipient WHERE user_id = :id")
			.bind("id", user)
			.map((row) -> row.get("ever_paid", Boolean.class))
			.one()
			.block();
	}

	private String status(long booking) {
		return this.database.sql("SELECT status FROM recipient_booking WHERE booking_id = :id")
			.bind("id", booking)
			.map((row) -> row.get("status", String.class))
			.one()
			.blockOptional()
			.orElse(null);
	}

	private long processed() {
		return this.database.sql("SELECT count(*) AS n FROM processed_event")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private void publish(String type, long aggregateId, long version, Map<String, Object> data) {
		publish(UUID.randomUUID(), type, aggregateId, version, data);
	}

	/** The catalog's example of the type, with these ids and values. */
	private void publish(UUID eventId, String type, long aggregateId, long version, Map<String, Object> data) {
		ObjectNode envelope = (ObjectNode) EventExamples.catalog().example(type).deepCopy();
		envelope.put("eventId", eventId.toString());
		envelope.put("aggregateId", String.valueOf(aggregateId));
		envelope.put("aggregateVersion", version);
		ObjectNode values = (ObjectNode) envelope.get("data");
		data.forEach((name, value) -> {
			if (value instanceof Long number) {
				values.put(name, number);
			}
			else {
				values.put(name, String.valueOf(value));
			}
		});
		if (!data.containsKey("username") && values.has("username")) {
			values.putNull("username");
		}
		this.kafka.send(this.topic, String.valueOf(aggregateId), envelope.toString()).join();
	}

}
