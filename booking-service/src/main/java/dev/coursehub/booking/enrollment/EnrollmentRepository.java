package dev.coursehub.booking.enrollment;

import dev.coursehub.booking.workshop.Session;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class EnrollmentRepository {

	private final DatabaseClient database;

	EnrollmentRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Insert an active enrollment; empty when the user already holds one in the session.
	 */
	Mono<Enrollment> insert(Seats seats, long userId) {
		return this.database.sql("""
				INSERT INTO enrollment (session_id, run_id, workshop_id, user_id)
				VALUES (:session, :run, :workshop, :user)
				ON CONFLICT (session_id, user_id) WHERE status = 'active' DO NOTHING
				RETURNING\s""" + Enrollment.COLUMNS)
			.bind("session", seats.sessionId())
			.bind("run", seats.runId())
			.bind("workshop", seats.workshopId())
			.bind("user", userId)
			.map(Enrollment::from)
			.one();
	}

	Mono<Enrollment> find(long id) {
		return this.database.sql("SELECT " + Enrollment.COLUMNS + " FROM enrollment WHERE id = :id")
			.bind("id", id)
			.map(Enrollment::from)
			.one();
	}

	Flux<Enrollment> findByUser(long userId, int limit) {
		return this.database
			.sql("SELECT " + Enrollment.COLUMNS
					+ " FROM enrollment WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
			.bind("user", userId)
			.bind("limit", limit)
			.map(Enrollment::from)
			.all();
	}

	/** Cancel an active enrollment; empty when it was not active. */
	Mono<Enrollment> cancel(long id, String reason) {
		return this.database.sql("""
				UPDATE enrollment SET status = 'cancelled', cancel_reason = :reason, cancelled_at = now()
				 WHERE id = :id AND status = 'active' RETURNING\s""" + Enrollment.COLUMNS)
			.bind("id", id)
			.bind("reason", reason)
			.map(Enrollment::from)
			.one();
	}

	/** Cancel every active enrollment of a session, in id order. */
	Flux<Enrollment> cancelSession(long sessionId) {
		return this.database.sql("""
				UPDATE enrollment SET status = 'cancelled', cancel_reason = 'session_cancelled', cancelled_at = now()
				 WHERE session_id = :session AND status = 'active' RETURNING\s""" + Enrollment.COLUMNS)
			.bind("session", sessionId)
			.map(Enrollment::from)
			.all()
			.sort((a, b) -> Long.compare(a.id(), b.id()));
	}

	/**
	 * Mark the session cancelled with no seat taken, counting each cancelled enrollment
	 * as a version.
	 */
	Mono<Long> cancelSessionRow(long sessionId, int cancelledEnrollments) {
		return this.database.sql("""
				UPDATE workshop_session SET status = 'cancelled', seats_taken = 0,
				       version = version + :n + 1 WHERE id = :id RETURNING id
				""")
			.bind("id", sessionId)
			.bind("n", cancelledEnrollments)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Mono<Session> session(long id) {
		return this.database.sql(Session.SELECT + " WHERE s.id = :id").bind("id", id).map(Session::from).one();
	}

	Mono<Boolean> workshopExists(long id) {
		return this.database.sql("SELECT EXISTS (SELECT 1 FROM workshop WHERE id = :id) AS found")
			.bind("id", id)
			.map((row) -> row.get("found", Boolean.class))
			.one();
	}

	Mono<Boolean> enrolledInRun(long runId, long userId) {
		return this.database
			.sql("SELECT EXISTS (SELECT 1 FROM enrollment WHERE run_id = :run AND user_id = :user "
					+ "AND status = 'active') AS found")
			.bind("run", runId)
			.bind("user", userId)
			.map((row) -> row.get("found", Boolean.class))
			.one();
	}

}
