package dev.coursehub.analytics.ingest;

import java.time.Instant;
import java.util.List;

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

	Mono<Void> apply(long generation, Fold fold) {
		if (fold.runs.isEmpty()) {
			// every session and attendance event names its run
			return Mono.empty();
		}
		return runs(generation, fold).then(seats(generation, fold))
			.then(schedules(generation, fold))
			.then(runNames(generation, fold))
			.then(attendance(generation, fold))
			.then(runTotals(generation, fold));
	}

	private Mono<Void> runs(long generation, Fold fold) {
		return this.db
			.sql("INSERT INTO run_figure (generation, run_id, workshop_id) SELECT :g, * FROM "
					+ "unnest(:r::bigint[], :w::bigint[]) ON CONFLICT (generation, run_id) DO NOTHING")
			.bind("g", generation)
			.bind("r", Fold.keys(fold.runs))
			.bind("w", fold.runs.values().toArray(Long[]::new))
			.then();
	}

	private Mono<Void> seats(long generation, Fold fold) {
		if (fold.seats.isEmpty()) {
			return Mono.empty();
		}
		List<SessionSeats> seats = Fold.values(fold.seats);
		return this.db
			.sql("INSERT INTO session_figure (generation, session_id, run_id, workshop_id, capacity, seats_taken, "
					+ "status, version) SELECT :g, * FROM unnest(:s::bigint[], :r::bigint[], :w::bigint[], :c::int[], "
					+ ":t::int[], :st::text[], :v::bigint[]) ON CONFLICT (generation, session_id) DO UPDATE SET "
					+ "run_id = EXCLUDED.run_id, workshop_id = EXCLUDED.workshop_id, capacity = EXCLUDED.capacity, "
					+ "seats_taken = EXCLUDED.seats_taken, status = EXCLUDED.status, version = EXCLUDED.version "
					+ "WHERE session_figure.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("s", seats.stream().map(SessionSeats::sessionId).toArray(Long[]::new))
			.bind("r", seats.stream().map(SessionSeats::runId).toArray(Long[]::new))
			.bind("w", seats.stream().map(SessionSeats::workshopId).toArray(Long[]::new))
			.bind("c", seats.stream().map(SessionSeats::capacity).toArray(Integer[]::new))
			.bind("t", seats.stream().map(SessionSeats::seatsTaken).toArray(Integer[]::new))
			.bind("st", seats.stream().map(SessionSeats::status).toArray(String[]::new))
			.bind("v", fold.seats.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

	/**
	 * Day and start of each session, by the session's version (the row exists: see
	 * seats).
	 */
	private Mono<Void> schedules(long generation, Fold fold) {
		if (fold.schedules.isEmpty()) {
			return Mono.empty();
		}
		List<SessionScheduled> sessions = Fold.values(fold.schedules);
		return this.db
			.sql("UPDATE session_figure f SET day_number = v.d, starts_at = v.a, details_version = v.v "
					+ "FROM unnest(:s::bigint[], :d::int[], :a::timestamptz[], :v::bigint[]) AS v(session_id, d, a, v) "
					+ "WHERE f.generation = :g AND f.session_id = v.session_id AND f.details_version < v.v")
			.bind("g", generation)
			.bind("s", sessions.stream().map(SessionScheduled::sessionId).toArray(Long[]::new))
			.bind("d", sessions.stream().map(SessionScheduled::dayNumber).toArray(Integer[]::new))
			.bind("a", sessions.stream().map(SessionScheduled::startsAt).toArray(Instant[]::new))
			.bind("v", fold.schedules.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

	private Mono<Void> runNames(long generation, Fold fold) {
		if (fold.runNames.isEmpty()) {
			return Mono.empty();
		}
		List<SessionScheduled> runs = Fold.values(fold.runNames);
		return this.db
			.sql("UPDATE run_figure f SET run_name = v.n, workshop_title = v.t, names_version = v.v "
					+ "FROM unnest(:r::bigint[], :n::text[], :t::text[], :v::bigint[]) AS v(run_id, n, t, v) "
					+ "WHERE f.generation = :g AND f.run_id = v.run_id AND f.names_version < v.v")
			.bind("g", generation)
			.bind("r", runs.stream().map(SessionScheduled::runId).toArray(Long[]::new))
			.bind("n", runs.stream().map(SessionScheduled::runName).toArray(String[]::new))
			.bind("t", runs.stream().map(SessionScheduled::workshopTitle).toArray(String[]::new))
			.bind("v", fold.runNames.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

	private Mono<Void> attendance(long generation, Fold fold) {
		if (fold.sessionAttendance.isEmpty()) {
			return Mono.empty();
		}
		List<AttendanceMarked> marked = Fold.values(fold.sessionAttendance);
		return this.db
			.sql("INSERT INTO session_attendance (generation, session_id, enrolled, present, late, absent, unmarked, "
					+ "version) SELECT :g, * FROM unnest(:s::bigint[], :e::int[], :p::int[], :l::int[], :a::int[], "
					+ ":u::int[], :v::bigint[]) ON CONFLICT (generation, session_id) DO UPDATE SET "
					+ "enrolled = EXCLUDED.enrolled, present = EXCLUDED.present, late = EXCLUDED.late, "
					+ "absent = EXCLUDED.absent, unmarked = EXCLUDED.unmarked, version = EXCLUDED.version "
					+ "WHERE session_attendance.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("s", marked.stream().map(AttendanceMarked::sessionId).toArray(Long[]::new))
			.bind("e", marked.stream().map((m) -> m.session().enrolled()).toArray(Integer[]::new))
			.bind("p", marked.stream().map((m) -> m.session().present()).toArray(Integer[]::new))
			.bind("l", marked.stream().map((m) -> m.session().late()).toArray(Integer[]::new))
			.bind("a", marked.stream().map((m) -> m.session().absent()).toArray(Integer[]::new))
			.bind("u", marked.stream().map((m) -> m.session().unmarked()).toArray(Integer[]::new))
			.bind("v", fold.sessionAttendance.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

	private Mono<Void> runTotals(long generation, Fold fold) {
		if (fold.runTotals.isEmpty()) {
			return Mono.empty();
		}
		List<AttendanceMarked> marked = Fold.values(fold.runTotals);
		return this.db
			.sql("UPDATE run_figure f SET sessions = v.n, certificate_eligible = v.c, version = v.v "
					+ "FROM unnest(:r::bigint[], :n::int[], :c::int[], :v::bigint[]) AS v(run_id, n, c, v) "
					+ "WHERE f.generation = :g AND f.run_id = v.run_id AND f.version < v.v")
			.bind("g", generation)
			.bind("r", marked.stream().map(AttendanceMarked::runId).toArray(Long[]::new))
			.bind("n", marked.stream().map((m) -> m.run().sessions()).toArray(Integer[]::new))
			.bind("c", marked.stream().map((m) -> m.run().certificateEligible()).toArray(Integer[]::new))
			.bind("v", fold.runTotals.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

}
