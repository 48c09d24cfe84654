package dev.coursehub.analytics.figures;

/**
 * The legacy dashboard's figures: unique users across bookings, registrations and
 * activity; users who never had a confirmed booking; registrations; bookings by status.
 */
public record Dashboard(long users, long neverConfirmed, long registrations, Bookings bookings) {

	/** Bookings of every course, with or without a stream. */
	public record Bookings(long total, long pending, long confirmed, long cancelled) {

	}

}
