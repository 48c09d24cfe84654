package dev.coursehub.booking.workshop;

import java.time.Instant;

/**
 * The legacy lifecycle of a session: upcoming → active (first enrollment) → full (no seat
 * left) → completed (its end has passed); cancelled only by an admin. Only
 * {@code cancelled} is stored: the rest follows from seats and time, so it is right
 * without a job, and a freed seat moves full back to active by itself.
 */
public final class SessionStatus {

	public static final String CANCELLED = "cancelled";

	private SessionStatus() {
	}

	/** The status as published in events: everything but {@code completed}. */
	public static String ofSeats(String stored, int capacity, int seatsTaken) {
		if (CANCELLED.equals(stored)) {
			return CANCELLED;
		}
		if (seatsTaken >= capacity) {
			return "full";
		}
		return (seatsTaken > 0) ? "active" : "upcoming";
	}

	/** The status as shown at {@code now}. */
	public static String at(Instant now, String stored, int capacity, int seatsTaken, Instant endsAt) {
		if (!CANCELLED.equals(stored) && !endsAt.isAfter(now)) {
			return "completed";
		}
		return ofSeats(stored, capacity, seatsTaken);
	}

}
