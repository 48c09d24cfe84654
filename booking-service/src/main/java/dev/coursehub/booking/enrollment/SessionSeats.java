package dev.coursehub.booking.enrollment;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The seats of sessions. A seat is taken by one conditional UPDATE that checks and
 * increments under the row lock, never by a read and then a write; the CHECK
 * {@code seats_taken BETWEEN 0 AND capacity} stops anything that gets past it. Whole-run
 * enrollment locks the run's sessions in id order first, so two transactions never wait
 * for each other in a circle.
 */
@Repository
class SessionSeats {

	private final DatabaseClient database;

	SessionSeats(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Take a seat of an upcoming, non-cancelled session with a free seat; empty if none.
	 */
	Mono<Seats> take(long sessionId) {
		return this.database.sql("""
				UPDATE workshop_session SET seats_taken = seats_taken + 1, version = version + 1
				 WHERE id = :id AND seats_taken < capacity AND status <> 'cancelled' AND starts_at > now()
				   AND EXISTS (SELECT 1 FROM workshop w WHERE w.id = workshop_id AND w.active)
				""" + Seats.RETURNING).bind("id", sessionId).map(Seats::from).one();
	}

	/** Free a seat; the caller holds the session's lock (see {@link #lock}). */
	Mono<Seats> release(long sessionId) {
		return this.database
			.sql("UPDATE workshop_session SET seats_taken = seats_taken - 1, version = version + 1 WHERE id = :id"
					+ Seats.RETURNING)
			.bind("id", sessionId)
			.map(Seats::from)
			.one();
	}

	/** Lock one session for a change of its enrollments. */
	Mono<SessionState> lock(long sessionId) {
		return this.database
			.sql("SELECT id, starts_at, capacity, seats_taken, status, version FROM workshop_session "
					+ "WHERE id = :id FOR UPDATE")
			.bind("id", sessionId)
			.map(SessionSeats::state)
			.one();
	}

	/** Lock the non-cancelled sessions of a run, in id order. */
	Flux<SessionState> lockRun(long runId) {
		return this.database
			.sql("SELECT id, starts_at, capacity, seats_taken, status, version FROM workshop_session "
					+ "WHERE run_id = :run AND status <> 'cancelled' ORDER BY id FOR UPDATE")
			.bind("run", runId)
			.map(SessionSeats::state)
			.all();
	}

	/** Why a seat could not be taken, read after the conditional update found no row. */
	Mono<Diagnosis> diagnose(long sessionId, long userId) {
		return this.database.sql("""
				SELECT s.status, s.starts_at > now() AS upcoming, s.seats_taken < s.capacity AS free,
				       (SELECT w.active FROM workshop w WHERE w.id = s.workshop_id) AS active,
				       EXISTS (SELECT 1 FROM enrollment e WHERE e.session_id = s.id AND e.user_id = :user
				               AND e.status = 'active') AS enrolled
				  FROM workshop_session s WHERE s.id = :id
				""")
			.bind("id", sessionId)
			.bind("user", userId)
			.map((row) -> new Diagnosis(row.get("status", String.class), row.get("upcoming", Boolean.class),
					row.get("free", Boolean.class), row.get("active", Boolean.class),
					row.get("enrolled", Boolean.class)))
			.one();
	}

	/** Upcoming sessions of a workshop with a free seat the user does not hold yet. */
	Flux<Long> candidates(long workshopId, long userId) {
		return this.database.sql("""
				SELECT s.id FROM workshop_session s JOIN workshop w ON w.id = s.workshop_id AND w.active
				 WHERE s.workshop_id = :workshop AND s.status <> 'cancelled' AND s.starts_at > now()
				   AND s.seats_taken < s.capacity
				   AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.session_id = s.id AND e.user_id = :user
				                   AND e.status = 'active')
				 ORDER BY s.starts_at, s.id LIMIT 20
				""").bind("workshop", workshopId).bind("user", userId).map((row) -> row.get("id", Long.class)).all();
	}

	/**
	 * Upcoming runs of a workshop whose every session has a free seat, by first start.
	 */
	Flux<Long> candidateRuns(long workshopId) {
		return this.database.sql("""
				SELECT r.id FROM workshop_run r JOIN workshop_session s ON s.run_id = r.id AND s.status <> 'cancelled'
				  JOIN workshop w ON w.id = r.workshop_id AND w.active
				 WHERE r.workshop_id = :workshop AND r.status <> 'cancelled'
				 GROUP BY r.id
				HAVING bool_and(s.starts_at > now() AND s.seats_taken < s.capacity)
				 ORDER BY min(s.starts_at), r.id LIMIT 10
				""").bind("workshop", workshopId).map((row) -> row.get("id", Long.class)).all();
	}

	Mono<String> runStatus(long runId) {
		return this.database.sql("SELECT status FROM workshop_run WHERE id = :run")
			.bind("run", runId)
			.map((row) -> row.get("status", String.class))
			.one();
	}

	private static SessionState state(Readable row) {
		return new SessionState(row.get("id", Long.class), row.get("starts_at", Instant.class),
				row.get("capacity", Integer.class), row.get("seats_taken", Integer.class),
				row.get("status", String.class), row.get("version", Long.class));
	}

	/** A locked session. */
	record SessionState(long id, Instant startsAt, int capacity, int seatsTaken, String status, long version) {

		boolean takeable(Instant now) {
			return !"cancelled".equals(this.status) && this.startsAt.isAfter(now) && this.seatsTaken < this.capacity;
		}

	}

	record Diagnosis(String status, boolean upcoming, boolean free, boolean active, boolean enrolled) {
	}

}
