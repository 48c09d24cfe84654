package dev.coursehub.booking.enrollment;

import java.util.List;

/** Request and response bodies of the enrollment API. */
final class EnrollmentRequests {

	private EnrollmentRequests() {
	}

	/**
	 * Exactly one of: a session; a whole run (every session or none); a workshop, where
	 * the next upcoming session with a free seat is taken, or with {@code wholeRun} the
	 * next run whose every session has one.
	 */
	record NewEnrollment(Long sessionId, Long runId, Long workshopId, Boolean wholeRun) {

		int targets() {
			return ((this.sessionId != null) ? 1 : 0) + ((this.runId != null) ? 1 : 0)
					+ ((this.workshopId != null) ? 1 : 0);
		}

	}

	/** The enrollments one request made: one, or one per session of a run. */
	record EnrollmentResult(List<Enrollment> enrollments) {
	}

}
