package dev.coursehub.analytics.events;

/**
 * Analytics' copy of {@code attendance.marked.v1}: one session's attendance totals and
 * the run's certificate-eligible count after the change; the envelope's version is the
 * run's.
 */
public record AttendanceMarked(long runId, long workshopId, long sessionId, SessionTotals session, RunTotals run) {

	/** Attendance of one session after the marks. */
	public record SessionTotals(int enrolled, int present, int late, int absent, int unmarked) {

	}

	/** The run's totals after the marks. */
	public record RunTotals(int sessions, int certificateEligible) {

	}

}
