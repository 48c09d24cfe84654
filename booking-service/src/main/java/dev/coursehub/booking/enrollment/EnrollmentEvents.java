package dev.coursehub.booking.enrollment;

import java.time.Instant;

import dev.coursehub.servicekit.outbox.OutboxEvent;

/**
 * {@code enrollment.created.v1} and {@code enrollment.cancelled.v1}: keyed by the
 * session, with the session's version, so every seat change of a session is in order on
 * one partition and carries the seat state after it.
 */
final class EnrollmentEvents {

	private EnrollmentEvents() {
	}

	record EnrollmentCreated(long enrollmentId, long sessionId, long runId, long workshopId, long userId, int capacity,
			int seatsTaken, int seatsLeft, String status) {

	}

	record EnrollmentCancelled(long enrollmentId, long sessionId, long runId, long workshopId, long userId,
			int capacity, int seatsTaken, int seatsLeft, String status, String reason) {

	}

	static OutboxEvent created(Enrollment e, Seats seats, Instant at) {
		return OutboxEvent.of("enrollment.created.v1", "session", seats.sessionId(), seats.version(), at,
				new EnrollmentCreated(e.id(), seats.sessionId(), seats.runId(), seats.workshopId(), e.userId(),
						seats.capacity(), seats.seatsTaken(), seats.seatsLeft(), seats.status()));
	}

	static OutboxEvent cancelled(Enrollment e, Seats seats, Instant at) {
		return OutboxEvent.of("enrollment.cancelled.v1", "session", seats.sessionId(), seats.version(), at,
				new EnrollmentCancelled(e.id(), seats.sessionId(), seats.runId(), seats.workshopId(), e.userId(),
						seats.capacity(), seats.seatsTaken(), seats.seatsLeft(), seats.status(), e.cancelReason()));
	}

}
