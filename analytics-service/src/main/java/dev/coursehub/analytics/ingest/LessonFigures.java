package dev.coursehub.analytics.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

	Mono<Void> apply(long generation, Fold fold) {
		if (fold.registrations.isEmpty() && fold.attendances.isEmpty()) {
			return Mono.empty();
		}
		Map<Long, Fold.Registration> batch = fold.registrations;
		Mono<Map<Long, Fold.Registration>> stored = batch.isEmpty() ? Mono.just(Map.of()) : this.db
			.sql("SELECT registration_id, user_id, lesson_type, version FROM registration_state "
					+ "WHERE generation = :g AND registration_id = ANY(:r) ORDER BY registration_id FOR UPDATE")
			.bind("g", generation)
			.bind("r", Fold.keys(batch))
			.map((row) -> new Fold.Registration(row.get("registration_id", Long.class), row.get("user_id", Long.class),
					row.get("lesson_type", String.class), row.get("version", Long.class)))
			.all()
			.collectMap(Fold.Registration::registrationId);
		return stored.flatMap((old) -> {
			// registrations and attendances per lesson type
			Map<String, long[]> lessons = new TreeMap<>();
			fold.attendances.forEach((type, count) -> lessons.computeIfAbsent(type, (t) -> new long[2])[1] += count);
			List<Fold.Registration> changed = new ArrayList<>();
			long registrations = 0;
			for (Fold.Registration next : batch.values()) {
				Fold.Registration before = old.get(next.registrationId());
				if (before != null && before.version() >= next.version()) {
					continue;
				}
				changed.add(next);
				if (before == null) {
					registrations++;
					lessons.computeIfAbsent(next.lessonType(), (t) -> new long[2])[0]++;
				}
				else if (!before.lessonType().equals(next.lessonType())) {
					lessons.computeIfAbsent(before.lessonType(), (t) -> new long[2])[0]--;
					lessons.computeIfAbsent(next.lessonType(), (t) -> new long[2])[0]++;
				}
			}
			return store(generation, changed).then(lessons(generation, lessons))
				.then(registrations(generation, registrations));
		});
	}

	private Mono<Void> store(long generation, List<Fold.Registration> registrations) {
		if (registrations.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("INSERT INTO registration_state (generation, registration_id, user_id, lesson_type, version) "
					+ "SELECT :g, * FROM unnest(:r::bigint[], :u::bigint[], :l::text[], :v::bigint[]) "
					+ "ON CONFLICT (generation, registration_id) DO UPDATE SET user_id = EXCLUDED.user_id, "
					+ "lesson_type = EXCLUDED.lesson_type, version = EXCLUDED.version")
			.bind("g", generation)
			.bind("r", registrations.stream().map(Fold.Registration::registrationId).toArray(Long[]::new))
			.bind("u", registrations.stream().map(Fold.Registration::userId).toArray(Long[]::new))
			.bind("l", registrations.stream().map(Fold.Registration::lessonType).toArray(String[]::new))
			.bind("v", registrations.stream().map(Fold.Registration::version).toArray(Long[]::new))
			.then();
	}

	private Mono<Void> lessons(long generation, Map<String, long[]> lessons) {
		lessons.values().removeIf((counts) -> counts[0] == 0 && counts[1] == 0);
		if (lessons.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("INSERT INTO lesson_figure (generation, lesson_type, registrations, attendances) "
					+ "SELECT :g, * FROM unnest(:l::text[], :r::bigint[], :a::bigint[]) "
					+ "ON CONFLICT (generation, lesson_type) DO UPDATE SET "
					+ "registrations = lesson_figure.registrations + EXCLUDED.registrations, "
					+ "attendances = lesson_figure.attendances + EXCLUDED.attendances")
			.bind("g", generation)
			.bind("l", lessons.keySet().toArray(String[]::new))
			.bind("r", lessons.values().stream().map((counts) -> counts[0]).toArray(Long[]::new))
			.bind("a", lessons.values().stream().map((counts) -> counts[1]).toArray(Long[]::new))
			.then();
	}

	private Mono<Void> registrations(long generation, long added) {
		if (added == 0) {
			return Mono.empty();
		}
		return this.db.sql("UPDATE totals_figure SET registrations = registrations + :n WHERE generation = :g")
			.bind("g", generation)
			.bind("n", added)
			.then();
	}

}
