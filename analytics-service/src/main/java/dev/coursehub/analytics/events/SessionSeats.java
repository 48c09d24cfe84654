package dev.coursehub.analytics.events;

/**
 * The seat state every session-keyed event carries ({@code session.created.v1},
 * {@code session.updated.v1}, {@code session.cancelled.v1},
 * {@code enrollment.created.v1}, {@code enrollment.cancelled.v1}); the envelope's version
 * is the session's.
 */
public record SessionSeats(long sessionId, long runId, long workshopId, int capacity, int seatsTaken, String status) {

}
