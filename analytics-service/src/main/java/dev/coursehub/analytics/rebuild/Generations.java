package dev.coursehub.analytics.rebuild;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Creates a generation to build, and drops the rows of generations no read will ever see
 * again (retired by a switch-over or a failed rebuild).
 */
@Component
class Generations {

	/** Every table whose rows belong to a generation. */
	static final List<String> TABLES = List.of("processed_event", "booking_state", "registration_state", "course_name",
			"stream_name", "stream_figure", "status_figure", "lesson_figure", "user_figure", "growth_bucket",
			"totals_figure", "session_figure", "session_attendance", "run_figure");

	private final DatabaseClient db;

	Generations(DatabaseClient db) {
		this.db = db;
	}

	/** A new generation being built, with its zero totals. */
	Mono<Long> create() {
		return this.db
			.sql("INSERT INTO generation (id, state) VALUES (nextval('generation_id'), 'building') RETURNING id")
			.map((row) -> row.get("id", Long.class))
			.one()
			.flatMap((id) -> this.db.sql("INSERT INTO totals_figure (generation) VALUES (:g)")
				.bind("g", id)
				.then()
				.thenReturn(id));
	}

	/** Deletes the rows of every retired generation. */
	Mono<Void> dropRetired() {
		return this.db.sql("SELECT id FROM generation WHERE state = 'retired'")
			.map((row) -> row.get("id", Long.class))
			.all()
			.concatMap((generation) -> Flux.fromIterable(TABLES)
				.concatMap((table) -> this.db.sql("DELETE FROM " + table + " WHERE generation = :g")
					.bind("g", generation)
					.then()))
			.then();
	}

}
