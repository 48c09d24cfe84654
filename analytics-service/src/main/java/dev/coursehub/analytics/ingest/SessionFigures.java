package dev.coursehub.analytics.ingest;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.coursehub.analytics.events.AttendanceMarked;
import dev.coursehub.analytics.events.SessionScheduled;
import dev.coursehub.analytics.events.SessionSeats;

/**
 * Workshop session figures: the seat state of each session's newest version, the
 * attendance totals of the newest run version that marked it, the run's
 * certificate-eligible count. Each is a conditional upsert on the version, so late and
 * redelivered events never overwrite newer state.
 */
@Component
class SessionFigures {

	private final DatabaseClient db;

	SessionFigures(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> seats(long generation, SessionSeats seats, long version) {
		return this.db
			.sql("INSERT INTO session_figure (generation, session_id, run_id, workshop_id, capacity, seats_taken, "
					+ "status, version) VALUES (:g, :s, :r, :w, :c, :t, :st, :v) "
					+ "ON CONFLICT (generation, session_id) DO UPDATE SET run_id = EXCLUDED.run_id, "
					+ "workshop_id = EXCLUDED.workshop_id, capacity = EXCLUDED.capacity, "
					+ "seats_taken = EXCLUDED.seats_taken, status = EXCLUDED.status, version = EXCLUDED.version "
					+ "WHERE session_figure.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("s", seats.sessionId())
			.bind("r", seats.runId())
			.bind("w", seats.workshopId())
			.bind("c", seats.capacity())
			.bind("t", seats.seatsTaken())
			.bind("st", seats.status())
			.bind("v", version)
			.then()
			.then(run(generation, seats.runId(), seats.workshopId()));
	}

	Mono<Void> scheduled(long generation, SessionScheduled session, long version) {
		return this.db
			.sql("UPDATE session_figure SET day_number = :d, starts_at = :a, details_version = :v "
					+ "WHERE generation = :g AND session_id = :s AND details_version < :v")
			.bind("g", generation)
			.bind("s", session.sessionId())
			.bind("d", session.dayNumber())
			.bind("a", session.startsAt())
			.bind("v", version)
			.then()
			.then(this.db
				.sql("UPDATE run_figure SET run_name = :n, workshop_title = :t, names_version = :v "
						+ "WHERE generation = :g AND run_id = :r AND names_version < :v")
				.bind("g", generation)
				.bind("r", session.runId())
				.bind("n", session.runName())
				.bind("t", session.workshopTitle())
				.bind("v", version)
				.then());
	}

	Mono<Void> attendance(long generation, AttendanceMarked marked, long runVersion) {
		AttendanceMarked.SessionTotals totals = marked.session();
		return run(generation, marked.runId(), marked.workshopId()).then(this.db
			.sql("INSERT INTO session_attendance (generation, session_id, enrolled, present, late, absent, unmarked, "
					+ "version) VALUES (:g, :s, :e, :p, :l, :a, :u, :v) ON CONFLICT (generation, session_id) DO UPDATE "
					+ "SET enrolled = EXCLUDED.enrolled, present = EXCLUDED.present, late = EXCLUDED.late, "
					+ "absent = EXCLUDED.absent, unmarked = EXCLUDED.unmarked, version = EXCLUDED.version "
					+ "WHERE session_attendance.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("s", marked.sessionId())
			.bind("e", totals.enrolled())
			.bind("p", totals.present())
			.bind("l", totals.late())
			.bind("a", totals.absent())
			.bind("u", totals.unmarked())
			.bind("v", runVersion)
			.then())
			.then(this.db
				.sql("UPDATE run_figure SET sessions = :n, certificate_eligible = :c, version = :v "
						+ "WHERE generation = :g AND run_id = :r AND version < :v")
				.bind("g", generation)
				.bind("r", marked.runId())
				.bind("n", marked.run().sessions())
				.bind("c", marked.run().certificateEligible())
				.bind("v", runVersion)
				.then());
	}

	private Mono<Void> run(long generation, long runId, long workshopId) {
		return this.db
			.sql("INSERT INTO run_figure (generation, run_id, workshop_id) VALUES (:g, :r, :w) "
					+ "ON CONFLICT (generation, run_id) DO NOTHING")
			.bind("g", generation)
			.bind("r", runId)
			.bind("w", workshopId)
			.then();
	}

}
