package dev.coursehub.booking.workshop;

/** Which database constraint a failed statement violated. */
public final class Constraints {

	public static final String INSTRUCTOR_OVERLAP = "workshop_session_instructor_overlap";

	public static final String SEATS = "workshop_session_seats";

	private Constraints() {
	}

	/**
	 * Whether the error, or one of its causes, is a violation of the named constraint.
	 */
	public static boolean violated(Throwable error, String constraint) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("\"" + constraint + "\"")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
