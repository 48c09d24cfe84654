package dev.coursehub.booking.workshop;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the catalogue: availability, workshops with their next sessions, run
 * summaries.
 */
@Component
class CatalogueQueries {

	private final DatabaseClient database;

	CatalogueQueries(DatabaseClient database) {
		this.database = database;
	}

	Flux<Session> sessions(SessionFilter f) {
		return this.database.sql(Session.SELECT + """
				 WHERE (CAST(:from AS timestamptz) IS NULL OR s.ends_at > :from)
				   AND (CAST(:to AS timestamptz) IS NULL OR s.starts_at < :to)
				   AND (CAST(:workshop AS bigint) IS NULL OR s.workshop_id = :workshop)
				   AND (CAST(:location AS text) IS NULL OR s.location = :location)
				   AND (CAST(:instructor AS text) IS NULL OR s.instructor = :instructor)
				   AND (CAST(:free AS boolean) IS NULL OR (s.status <> 'cancelled' AND s.ends_at > now()
				        AND s.seats_taken < s.capacity) = :free)
				 ORDER BY s.starts_at, s.id LIMIT :limit
				""")
			.bind("from", nullable(f.from(), Instant.class))
			.bind("to", nullable(f.to(), Instant.class))
			.bind("workshop", nullable(f.workshop(), Long.class))
			.bind("location", nullable(f.location(), String.class))
			.bind("instructor", nullable(f.instructor(), String.class))
			.bind("free", nullable(f.hasFreeSeats(), Boolean.class))
			.bind("limit", f.limit())
			.map(Session::from)
			.all();
	}

	/** Upcoming sessions of the workshop that a user could still take. */
	Flux<Session> nextAvailable(long workshopId, int limit) {
		return this.database.sql(Session.SELECT + """
				 WHERE s.workshop_id = :workshop AND s.status <> 'cancelled' AND s.starts_at > now()
				   AND s.seats_taken < s.capacity AND w.active
				 ORDER BY s.starts_at, s.id LIMIT :limit
				""").bind("workshop", workshopId).bind("limit", limit).map(Session::from).all();
	}

	Flux<RunView> runs(long workshopId) {
		return this.database.sql("SELECT id FROM workshop_run WHERE workshop_id = :workshop ORDER BY id DESC LIMIT 200")
			.bind("workshop", workshopId)
			.map((row) -> row.get("id", Long.class))
			.all()
			.concatMap(this::run);
	}

	Mono<RunView> run(long runId) {
		Instant now = Instant.now();
		Mono<List<Session>> sessions = this.database
			.sql(Session.SELECT + " WHERE s.run_id = :run ORDER BY s.day_number, s.starts_at, s.id")
			.bind("run", runId)
			.map(Session::from)
			.all()
			.collectList();
		return this.database.sql("""
				SELECT r.id, r.workshop_id, r.name, r.status, r.cloned_from,
				       (SELECT count(*) FROM enrollment e WHERE e.run_id = r.id AND e.status = 'active') AS enrollments
				  FROM workshop_run r WHERE r.id = :run
				""")
			.bind("run", runId)
			.map((row) -> new RunRow(row.get("id", Long.class), row.get("workshop_id", Long.class),
					row.get("name", String.class), row.get("status", String.class), row.get("cloned_from", Long.class),
					row.get("enrollments", Long.class)))
			.one()
			.zipWith(sessions, (r, list) -> RunView.of(r.id(), r.workshopId(), r.name(), r.status(), r.clonedFrom(),
					r.enrollments(), list, now));
	}

	private record RunRow(long id, long workshopId, String name, String status, Long clonedFrom, long enrollments) {
	}

}
