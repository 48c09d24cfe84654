package dev.coursehub.booking.attendance;

import java.util.List;

/**
 * {@code attendance.marked.v1}: the marks, the session's totals after them and the run's
 * certificate-eligible count; keyed by the run.
 */
record AttendanceMarked(long runId, long workshopId, long sessionId, List<AttendanceViews.Entry> marks,
		AttendanceViews.Totals session, RunTotals run) {

	static final String TYPE = "attendance.marked.v1";

	record RunTotals(long sessions, long certificateEligible) {
	}

}
