package dev.coursehub.messaging.recipient;

import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.servicekit.RejectedRecordException;
import dev.coursehub.servicekit.sql.SqlValues;

/**
 * Applies one booking-service event to the directory, exactly once: the event id goes
 * into {@code processed_event} in the same transaction as its effect, so a redelivered
 * event changes nothing. A booking's state is kept from the highest aggregate version
 * seen, so late events cannot undo newer ones.
 */
@Service
class DirectoryUpdates {

	private static final Log logger = LogFactory.getLog(DirectoryUpdates.class);

	private static final Set<String> BOOKING_TYPES = Set.of("booking.created.v1", "booking.confirmed.v1",
			"booking.cancelled.v1", "booking.stream_changed.v1");

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	DirectoryUpdates(DatabaseClient database, TransactionalOperator transactions) {
		this.database = database;
		this.transactions = transactions;
	}

	Mono<Void> apply(JsonNode envelope) {
		String type = envelope.path("type").asString("");
		if (!BOOKING_TYPES.contains(type) && !type.equals("registration.created.v1")
				&& !type.equals("user.updated.v1")) {
			return Mono.empty();
		}
		UUID eventId = eventId(envelope);
		long version = envelope.path("aggregateVersion").asLong(0);
		JsonNode data = envelope.path("data");
		long userId = requiredLong(data, "userId");
		Mono<Void> effect = switch (type) {
			case "user.updated.v1" -> profile(userId, data, version);
			case "registration.created.v1" -> ensureRecipient(userId).then(lesson(userId, data));
			default -> ensureRecipient(userId).then(booking(userId, data, version));
		};
		Mono<Void> once = this.database
			.sql("INSERT INTO processed_event (event_id, event_type) VALUES (:id, :type) ON CONFLICT DO NOTHING")
			.bind("id", eventId)
			.bind("type", type)
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> (inserted == 1) ? effect : Mono
				.fromRunnable(() -> logger.debug("Event " + eventId + " (" + type + ") was applied before; skipped")));
		return this.transactions.transactional(once);
	}

	private Mono<Void> ensureRecipient(long userId) {
		return this.database.sql("INSERT INTO recipient (user_id) VALUES (:userId) ON CONFLICT DO NOTHING")
			.bind("userId", userId)
			.then();
	}

	private Mono<Void> profile(long userId, JsonNode data, long version) {
		return this.database.sql("""
				INSERT INTO recipient (user_id, username, first_name, profile_version)
				VALUES (:userId, :username, :firstName, :version)
				ON CONFLICT (user_id) DO UPDATE
				SET username = EXCLUDED.username, first_name = EXCLUDED.first_name,
				    profile_version = EXCLUDED.profile_version, updated_at = now()
				WHERE recipient.profile_version < EXCLUDED.profile_version
				""")
			.bind("userId", userId)
			.bind("username", SqlValues.nullable(text(data, "username"), String.class))
			.bind("firstName", SqlValues.nullable(text(data, "firstName"), String.class))
			.bind("version", version)
			.then();
	}

	private Mono<Void> lesson(long userId, JsonNode data) {
		String lessonType = text(data, "lessonType");
		if (lessonType == null) {
			return Mono.error(new RejectedRecordException("registration.created.v1 without lessonType"));
		}
		return this.database.sql(
				"INSERT INTO recipient_lesson (lesson_type, user_id) VALUES (:lessonType, :userId) ON CONFLICT DO NOTHING")
			.bind("lessonType", lessonType)
			.bind("userId", userId)
			.then();
	}

	private Mono<Void> booking(long userId, JsonNode data, long version) {
		String status = text(data, "status");
		String stream = text(data, "stream");
		if (status == null || stream == null) {
			return Mono.error(new RejectedRecordException("booking event without status or stream"));
		}
		Mono<Void> state = this.database.sql("""
				INSERT INTO recipient_booking (booking_id, user_id, course_id, stream, status, version)
				VALUES (:bookingId, :userId, :courseId, :stream, :status, :version)
				ON CONFLICT (booking_id) DO UPDATE
				SET user_id = EXCLUDED.user_id, course_id = EXCLUDED.course_id, stream = EXCLUDED.stream,
				    status = EXCLUDED.status, version = EXCLUDED.version
				WHERE recipient_booking.version < EXCLUDED.version
				""")
			.bind("bookingId", requiredLong(data, "bookingId"))
			.bind("userId", userId)
			.bind("courseId", requiredLong(data, "courseId"))
			.bind("stream", stream)
			.bind("status", status)
			.bind("version", version)
			.then();
		if (!"confirmed".equals(status)) {
			return state;
		}
		return state.then(this.database
			.sql("UPDATE recipient SET ever_paid = true, updated_at = now() WHERE user_id = :userId AND NOT ever_paid")
			.bind("userId", userId)
			.then());
	}

	private static UUID eventId(JsonNode envelope) {
		try {
			return UUID.fromString(envelope.path("eventId").asString(""));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedRecordException("event without a valid eventId");
		}
	}

	private static long requiredLong(JsonNode data, String field) {
		JsonNode value = data.get(field);
		if (value == null || !value.canConvertToLong()) {
			throw new RejectedRecordException("event without " + field);
		}
		return value.asLong();
	}

	private static String text(JsonNode data, String field) {
		JsonNode value = data.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
