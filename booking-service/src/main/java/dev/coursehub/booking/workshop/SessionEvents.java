package dev.coursehub.booking.workshop;

import java.time.Instant;

import dev.coursehub.servicekit.outbox.OutboxEvent;

/**
 * The facts sessions publish ({@code docs/events/session.*.json}), keyed by the session
 * so that every change of one session is in order on one partition.
 */
public final class SessionEvents {

	private SessionEvents() {
	}

	/** {@code session.created.v1} and {@code session.updated.v1}: the whole state. */
	record SessionState(long sessionId, long runId, String runName, long workshopId, String workshopTitle,
			int dayNumber, Instant startsAt, Instant endsAt, String timeZone, String location, String instructor,
			int capacity, int seatsTaken, int seatsLeft, String status) {

		static SessionState of(Session s) {
			return new SessionState(s.id(), s.runId(), s.runName(), s.workshopId(), s.workshopTitle(), s.dayNumber(),
					s.startsAt(), s.endsAt(), s.timeZone(), s.location(), s.instructor(), s.capacity(), s.seatsTaken(),
					s.seatsLeft(), s.publishedStatus());
		}

	}

	/** {@code session.cancelled.v1}. */
	record SessionCancelled(long sessionId, long runId, long workshopId, int capacity, int seatsTaken, int seatsLeft,
			String status, int cancelledEnrollments) {

	}

	static OutboxEvent created(Session session, Instant at) {
		return OutboxEvent.of("session.created.v1", "session", session.id(), session.version(), at,
				SessionState.of(session));
	}

	static OutboxEvent updated(Session session, Instant at) {
		return OutboxEvent.of("session.updated.v1", "session", session.id(), session.version(), at,
				SessionState.of(session));
	}

	/**
	 * After the session's enrollments were cancelled; {@code session} is the cancelled
	 * state.
	 */
	public static OutboxEvent cancelled(Session session, int cancelledEnrollments, Instant at) {
		return OutboxEvent.of("session.cancelled.v1", "session", session.id(), session.version(), at,
				new SessionCancelled(session.id(), session.runId(), session.workshopId(), session.capacity(),
						session.seatsTaken(), session.seatsLeft(), session.publishedStatus(), cancelledEnrollments));
	}

}
