package dev.coursehub.booking.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.coursehub.booking.user.UserDirectory;
import dev.coursehub.booking.user.UserFacts;
import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.sql.Where;
import dev.coursehub.servicekit.web.Cursors;
import dev.coursehub.servicekit.web.Page;
import dev.coursehub.servicekit.web.Problems;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

/**
 * Free-lesson registrations. Registering again for the same lesson type updates the one
 * row (email, lesson date) instead of adding another.
 */
@Service
public class RegistrationService {

	private static final String COLUMNS = "id, user_id, email, lesson_type, lesson_date, notification_sent, "
			+ "registered_at, version";

	private final DatabaseClient database;

	private final UserDirectory users;

	private final Outbox outbox;

	RegistrationService(DatabaseClient database, UserDirectory users, Outbox outbox) {
		this.database = database;
		this.users = users;
		this.outbox = outbox;
	}

	/**
	 * @return the registration, and whether this call created it
	 */
	@Transactional
	public Mono<Registered> register(RegistrationRequest request) {
		Instant now = Instant.now();
		List<OutboxEvent> events = new ArrayList<>();
		UserFacts facts = new UserFacts(request.userId(), request.username(), request.firstName(), request.email(),
				now);
		return this.users.record(facts).doOnNext(events::add).then(upsert(request, now)).flatMap((changed) -> {
			events.add(RegistrationEvents.of(changed.registration(), changed.created()));
			return this.outbox.append(events).thenReturn(changed);
		})
			.switchIfEmpty(Mono.defer(() -> this.outbox.append(events)
				.then(find(request.userId(), request.lessonType()))
				.map((existing) -> new Registered(existing, false))));
	}

	/**
	 * Import a legacy registration once per legacy id. A second legacy row of the same
	 * user and lesson type is not imported: the model keeps one registration per lesson
	 * type.
	 * @return whether it was imported now
	 */
	@Transactional
	public Mono<Boolean> importLegacy(long legacyId, RegistrationRequest request, boolean notificationSent,
			Instant registeredAt) {
		List<OutboxEvent> events = new ArrayList<>();
		UserFacts facts = new UserFacts(request.userId(), request.username(), request.firstName(), request.email(),
				registeredAt);
		return this.users.record(facts)
			.doOnNext(events::add)
			.then(this.database.sql("""
					INSERT INTO free_lesson_registration (user_id, email, lesson_type, lesson_date, notification_sent,
					                                      registered_at, updated_at, legacy_id)
					VALUES (:user, :email, :lessonType, :lessonDate, :notified, :at, :at, :legacy)
					ON CONFLICT DO NOTHING RETURNING %s
					""".formatted(COLUMNS))
				.bind("user", request.userId())
				.bind("email", request.email().strip())
				.bind("lessonType", request.lessonType())
				.bind("lessonDate", nullable(request.lessonDate(), LocalDate.class))
				.bind("notified", notificationSent)
				.bind("at", registeredAt)
				.bind("legacy", legacyId)
				.map(RegistrationService::registration)
				.one())
			.flatMap((registration) -> {
				events.add(RegistrationEvents.of(registration, true));
				return this.outbox.append(events).thenReturn(true);
			})
			.defaultIfEmpty(false);
	}

	@Transactional
	public Mono<Registration> markNotified(long id) {
		return this.database
			.sql("UPDATE free_lesson_registration SET notification_sent = true, version = version + 1, "
					+ "updated_at = now() WHERE id = :id AND NOT notification_sent RETURNING " + COLUMNS)
			.bind("id", id)
			.map(RegistrationService::registration)
			.one()
			.flatMap((updated) -> this.outbox.append(RegistrationEvents.of(updated, false)).thenReturn(updated))
			.switchIfEmpty(Mono.defer(() -> get(id)));
	}

	public Mono<Registration> get(long id) {
		return this.database.sql("SELECT " + COLUMNS + " FROM free_lesson_registration WHERE id = :id")
			.bind("id", id)
			.map(RegistrationService::registration)
			.one()
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No registration " + id)));
	}

	public Mono<Page<Registration>> list(String lessonType, Long userId, String cursor, int limit) {
		Where where = new Where().and("lesson_type = :lessonType", "lessonType", lessonType)
			.and("user_id = :user", "user", userId)
			.and("id < :after", "after", Cursors.decode(cursor));
		return this.database
			.sql("SELECT " + COLUMNS + " FROM free_lesson_registration" + where.sql()
					+ " ORDER BY id DESC LIMIT :limit")
			.bindValues(where.values())
			.bind("limit", limit + 1)
			.map(RegistrationService::registration)
			.all()
			.collectList()
			.map((rows) -> Page.of(rows, limit, Registration::id));
	}

	private Mono<Registered> upsert(RegistrationRequest request, Instant now) {
		return this.database.sql("""
				INSERT INTO free_lesson_registration AS r (user_id, email, lesson_type, lesson_date, registered_at,
				                                           updated_at)
				VALUES (:user, :email, :lessonType, :lessonDate, :now, :now)
				ON CONFLICT (user_id, lesson_type) DO UPDATE SET
				    email = EXCLUDED.email,
				    lesson_date = COALESCE(EXCLUDED.lesson_date, r.lesson_date),
				    updated_at = now(),
				    version = r.version + 1
				WHERE r.email IS DISTINCT FROM EXCLUDED.email
				   OR EXCLUDED.lesson_date IS NOT NULL AND EXCLUDED.lesson_date IS DISTINCT FROM r.lesson_date
				RETURNING %s, (xmax = 0) AS created
				""".formatted(COLUMNS))
			.bind("user", request.userId())
			.bind("email", request.email().strip())
			.bind("lessonType", request.lessonType())
			.bind("lessonDate", nullable(request.lessonDate(), LocalDate.class))
			.bind("now", now)
			.map((row) -> new Registered(registration(row), Boolean.TRUE.equals(row.get("created", Boolean.class))))
			.one();
	}

	private Mono<Registration> find(long userId, String lessonType) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM free_lesson_registration WHERE user_id = :user AND lesson_type = :type")
			.bind("user", userId)
			.bind("type", lessonType)
			.map(RegistrationService::registration)
			.one();
	}

	private static Registration registration(Readable row) {
		return new Registration(row.get("id", Long.class), row.get("user_id", Long.class),
				row.get("email", String.class), row.get("lesson_type", String.class),
				row.get("lesson_date", LocalDate.class),
				Boolean.TRUE.equals(row.get("notification_sent", Boolean.class)),
				row.get("registered_at", Instant.class), row.get("version", Long.class));
	}

	/** A registration, and whether the call created it (201) or found it (200). */
	public record Registered(Registration registration, boolean created) {
	}

}
