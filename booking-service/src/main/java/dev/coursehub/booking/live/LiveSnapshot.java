package dev.coursehub.booking.live;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.coursehub.booking.workshop.Session;

/** A session's current seats, in the shape of a {@code session-update}. */
final class LiveSnapshot {

	private LiveSnapshot() {
	}

	static Map<String, Object> seats(Session s) {
		Map<String, Object> seats = new LinkedHashMap<>();
		seats.put("sessionId", s.id());
		seats.put("runId", s.runId());
		seats.put("workshopId", s.workshopId());
		seats.put("capacity", s.capacity());
		seats.put("seatsTaken", s.seatsTaken());
		seats.put("seatsLeft", s.seatsLeft());
		seats.put("status", s.publishedStatus());
		seats.put("version", s.version());
		return seats;
	}

}
