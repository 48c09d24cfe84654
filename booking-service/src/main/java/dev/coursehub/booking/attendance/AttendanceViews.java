package dev.coursehub.booking.attendance;

import java.util.List;

/** What the attendance API answers. */
final class AttendanceViews {

	private AttendanceViews() {
	}

	/** Attendance of one session's active enrollments. */
	record Totals(long enrolled, long present, long late, long absent, long unmarked) {
	}

	record Entry(long enrollmentId, long userId, String status) {
	}

	record SessionAttendance(long sessionId, long runId, long workshopId, Totals totals, List<Entry> enrollments) {
	}

	/** A participant of a run: how many of its non-cancelled sessions they attended. */
	record Participant(long userId, long attended, boolean eligible) {
	}

	/**
	 * Certificate eligibility of a run under the configured rule.
	 *
	 * @param sessions the run's non-cancelled sessions
	 */
	record RunCertificates(long runId, long sessions, int minAttendedPercent, boolean lateCounts,
			List<Participant> participants) {

		long eligible() {
			return this.participants.stream().filter(Participant::eligible).count();
		}

	}

}
