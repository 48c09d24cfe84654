package dev.coursehub.booking.attendance;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class AttendanceRepository {

	private final DatabaseClient database;

	AttendanceRepository(DatabaseClient database) {
		this.database = database;
	}

	/** The session's run and workshop: {@code [runId, workshopId]}. */
	Mono<long[]> session(long sessionId) {
		return this.database.sql("SELECT run_id, workshop_id FROM workshop_session WHERE id = :id")
			.bind("id", sessionId)
			.map((row) -> new long[] { row.get("run_id", Long.class), row.get("workshop_id", Long.class) })
			.one();
	}

	/** Mark active enrollments of the session in one statement; returns those marked. */
	Flux<AttendanceViews.Entry> mark(long sessionId, List<AttendanceRequests.Mark> marks) {
		return this.database.sql("""
				UPDATE enrollment e SET attendance = m.status, attendance_at = now()
				  FROM unnest(CAST(:ids AS bigint[]), CAST(:statuses AS text[])) AS m(id, status)
				 WHERE e.id = m.id AND e.session_id = :session AND e.status = 'active'
				RETURNING e.id, e.user_id, e.attendance
				""")
			.bind("ids", marks.stream().map(AttendanceRequests.Mark::enrollmentId).toArray(Long[]::new))
			.bind("statuses", marks.stream().map(AttendanceRequests.Mark::status).toArray(String[]::new))
			.bind("session", sessionId)
			.map((row) -> new AttendanceViews.Entry(row.get("id", Long.class), row.get("user_id", Long.class),
					row.get("attendance", String.class)))
			.all()
			.sort((a, b) -> Long.compare(a.enrollmentId(), b.enrollmentId()));
	}

	Flux<AttendanceViews.Entry> entries(long sessionId) {
		return this.database
			.sql("SELECT id, user_id, attendance FROM enrollment WHERE session_id = :session AND status = 'active' "
					+ "ORDER BY id")
			.bind("session", sessionId)
			.map((row) -> new AttendanceViews.Entry(row.get("id", Long.class), row.get("user_id", Long.class),
					row.get("attendance", String.class)))
			.all();
	}

	Mono<Long> nextRunVersion(long runId) {
		return this.database.sql("UPDATE workshop_run SET version = version + 1 WHERE id = :run RETURNING version")
			.bind("run", runId)
			.map((row) -> row.get("version", Long.class))
			.one();
	}

	Mono<Long> runSessions(long runId) {
		return this.database
			.sql("SELECT count(*) AS n FROM workshop_session WHERE run_id = :run AND status <> 'cancelled'")
			.bind("run", runId)
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/** Per participant of the run: {@code [userId, sessions attended]}. */
	Flux<long[]> attendedByUser(long runId, List<String> attendedMarks) {
		return this.database.sql("""
				SELECT e.user_id, count(*) FILTER (WHERE e.attendance = ANY (CAST(:marks AS text[]))) AS attended
				  FROM enrollment e JOIN workshop_session s ON s.id = e.session_id
				 WHERE e.run_id = :run AND e.status = 'active' AND s.status <> 'cancelled'
				 GROUP BY e.user_id ORDER BY e.user_id
				""")
			.bind("run", runId)
			.bind("marks", attendedMarks.toArray(String[]::new))
			.map((row) -> new long[] { row.get("user_id", Long.class), row.get("attended", Long.class) })
			.all();
	}

	Mono<Boolean> runExists(long runId) {
		return this.database.sql("SELECT EXISTS (SELECT 1 FROM workshop_run WHERE id = :run) AS found")
			.bind("run", runId)
			.map((row) -> row.get("found", Boolean.class))
			.one();
	}

}
