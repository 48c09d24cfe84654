package dev.coursehub.booking.enrollment;

import java.time.Instant;

import io.r2dbc.spi.Readable;

/**
 * A user's seat in one session.
 *
 * @param status {@code active} or {@code cancelled}
 * @param cancelReason {@code user}, {@code admin} or {@code session_cancelled}; null
 * while active
 * @param attendance {@code present}, {@code absent}, {@code late}; null until marked
 */
public record Enrollment(long id, long sessionId, long runId, long workshopId, long userId, String status,
		String cancelReason, String attendance, Instant createdAt, Instant cancelledAt) {

	static final String COLUMNS = "id, session_id, run_id, workshop_id, user_id, status, cancel_reason, attendance, "
			+ "created_at, cancelled_at";

	static Enrollment from(Readable row) {
		return new Enrollment(row.get("id", Long.class), row.get("session_id", Long.class),
				row.get("run_id", Long.class), row.get("workshop_id", Long.class), row.get("user_id", Long.class),
				row.get("status", String.class), row.get("cancel_reason", String.class),
				row.get("attendance", String.class), row.get("created_at", Instant.class),
				row.get("cancelled_at", Instant.class));
	}

}
