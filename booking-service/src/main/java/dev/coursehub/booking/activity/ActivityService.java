package dev.coursehub.booking.activity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.coursehub.booking.user.UserDirectory;
import dev.coursehub.booking.user.UserFacts;
import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records user activity and publishes it; the user is upserted from it as well. */
@Service
public class ActivityService {

	static final int MAX_DETAILS_BYTES = 4096;

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final DatabaseClient database;

	private final UserDirectory users;

	private final Outbox outbox;

	private final JsonMapper json;

	ActivityService(DatabaseClient database, UserDirectory users, Outbox outbox, JsonMapper json) {
		this.database = database;
		this.users = users;
		this.outbox = outbox;
		this.json = json;
	}

	/**
	 * Import a legacy {@code events} row once per legacy id, as it was.
	 * @return whether it was imported now
	 */
	@Transactional
	public Mono<Boolean> importLegacy(long legacyId, long userId, String type, Instant occurredAt,
			Map<String, Object> details) {
		String detailsJson = this.json.writeValueAsString(details);
		if (detailsJson.getBytes(StandardCharsets.UTF_8).length > MAX_DETAILS_BYTES) {
			return Mono.error(new IllegalArgumentException("details are larger than " + MAX_DETAILS_BYTES + " bytes"));
		}
		List<OutboxEvent> events = new ArrayList<>();
		return this.users.record(UserFacts.idOnly(userId, occurredAt))
			.doOnNext(events::add)
			.then(this.database.sql("""
					INSERT INTO user_activity (user_id, type, occurred_at, details, legacy_id)
					VALUES (:user, :type, :occurredAt, CAST(:details AS jsonb), :legacy)
					ON CONFLICT (legacy_id) DO NOTHING RETURNING id
					""")
				.bind("user", userId)
				.bind("type", type)
				.bind("occurredAt", occurredAt)
				.bind("details", detailsJson)
				.bind("legacy", legacyId)
				.map((row) -> row.get("id", Long.class))
				.one())
			.flatMap((id) -> {
				Activity activity = new Activity(id, userId, type, occurredAt, details);
				events.add(OutboxEvent.of(Activity.RECORDED, "activity", id, 1, occurredAt, activity.recorded()));
				return this.outbox.append(events).thenReturn(true);
			})
			.defaultIfEmpty(false);
	}

	@Transactional
	public Mono<Activity> record(ActivityRequest request) {
		Instant now = Instant.now();
		Instant occurredAt = (request.occurredAt() != null) ? request.occurredAt() : now;
		if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
			return Mono.error(Problems.invalid("occurredAt", "occurredAt is in the future"));
		}
		Map<String, Object> details = (request.details() != null) ? request.details() : Map.of();
		String detailsJson = this.json.writeValueAsString(details);
		if (detailsJson.getBytes(StandardCharsets.UTF_8).length > MAX_DETAILS_BYTES) {
			return Mono.error(Problems.invalid("details", "details must be at most " + MAX_DETAILS_BYTES + " bytes"));
		}
		List<OutboxEvent> events = new ArrayList<>();
		UserFacts facts = new UserFacts(request.userId(), request.username(), request.firstName(), null, occurredAt);
		return this.users.record(facts)
			.doOnNext(events::add)
			.then(this.database.sql("""
					INSERT INTO user_activity (user_id, type, occurred_at, details)
					VALUES (:user, :type, :occurredAt, CAST(:details AS jsonb)) RETURNING id
					""")
				.bind("user", request.userId())
				.bind("type", request.type())
				.bind("occurredAt", occurredAt)
				.bind("details", detailsJson)
				.map((row) -> row.get("id", Long.class))
				.one())
			.map((id) -> new Activity(id, request.userId(), request.type(), occurredAt, details))
			.flatMap((activity) -> {
				events.add(OutboxEvent.of(Activity.RECORDED, "activity", activity.id(), 1, occurredAt,
						activity.recorded()));
				return this.outbox.append(events).thenReturn(activity);
			});
	}

}
