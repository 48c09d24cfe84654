package dev.coursehub.booking.enrollment;

import dev.coursehub.booking.workshop.SessionStatus;
import io.r2dbc.spi.Readable;

/** A session's seat state right after a seat was taken or freed, with its new version. */
record Seats(long sessionId, long runId, long workshopId, int capacity, int seatsTaken, String storedStatus,
		long version) {

	static final String RETURNING = " RETURNING id, run_id, workshop_id, capacity, seats_taken, status, version";

	static Seats from(Readable row) {
		return new Seats(row.get("id", Long.class), row.get("run_id", Long.class), row.get("workshop_id", Long.class),
				row.get("capacity", Integer.class), row.get("seats_taken", Integer.class),
				row.get("status", String.class), row.get("version", Long.class));
	}

	int seatsLeft() {
		return Math.max(0, this.capacity - this.seatsTaken);
	}

	String status() {
		return SessionStatus.ofSeats(this.storedStatus, this.capacity, this.seatsTaken);
	}

}
