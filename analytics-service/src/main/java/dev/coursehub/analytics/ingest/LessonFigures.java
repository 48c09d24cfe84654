package dev.coursehub.analytics.ingest;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Free-lesson registrations and attendances per lesson type, and the registrations total.
 * A registration counts once whatever number of events it has; a lesson type that changes
 * (the contract does not publish that today) moves its count.
 */
@Component
class LessonFigures {

	private final DatabaseClient db;

	LessonFigures(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> registration(long generation, long registrationId, long userId, String lessonType, long version) {
		return this.db
			.sql("SELECT lesson_type, version FROM registration_state "
					+ "WHERE generation = :g AND registration_id = :r FOR UPDATE")
			.bind("g", generation)
			.bind("r", registrationId)
			.map((row) -> new Stored(row.get("lesson_type", String.class), row.get("version", Long.class)))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((old) -> {
				if (old.isPresent() && old.get().version() >= version) {
					return Mono.empty();
				}
				Mono<Void> store = this.db
					.sql("INSERT INTO registration_state (generation, registration_id, user_id, lesson_type, version) "
							+ "VALUES (:g, :r, :u, :l, :v) ON CONFLICT (generation, registration_id) DO UPDATE SET "
							+ "user_id = EXCLUDED.user_id, lesson_type = EXCLUDED.lesson_type, version = EXCLUDED.version")
					.bind("g", generation)
					.bind("r", registrationId)
					.bind("u", userId)
					.bind("l", lessonType)
					.bind("v", version)
					.then();
				if (old.isEmpty()) {
					return store.then(lesson(generation, lessonType, 1, 0))
						.then(this.db
							.sql("UPDATE totals_figure SET registrations = registrations + 1 WHERE generation = :g")
							.bind("g", generation)
							.then());
				}
				if (old.get().lessonType().equals(lessonType)) {
					return store;
				}
				return store.then(lesson(generation, old.get().lessonType(), -1, 0))
					.then(lesson(generation, lessonType, 1, 0));
			});
	}

	Mono<Void> attendance(long generation, String lessonType) {
		return lesson(generation, lessonType, 0, 1);
	}

	private Mono<Void> lesson(long generation, String lessonType, long registrations, long attendances) {
		return this.db.sql(
				"INSERT INTO lesson_figure (generation, lesson_type, registrations, attendances) VALUES (:g, :l, :r, :a) "
						+ "ON CONFLICT (generation, lesson_type) DO UPDATE SET "
						+ "registrations = lesson_figure.registrations + EXCLUDED.registrations, "
						+ "attendances = lesson_figure.attendances + EXCLUDED.attendances")
			.bind("g", generation)
			.bind("l", lessonType)
			.bind("r", registrations)
			.bind("a", attendances)
			.then();
	}

	private record Stored(String lessonType, long version) {
	}

}
