package dev.coursehub.booking.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Turns an event envelope of {@code booking.events} into the real-time messages it
 * causes. Public messages carry seats and status only; a user's own enrollment news goes
 * to that user's streams alone.
 */
final class LiveEvents {

	private static final List<String> SEAT_FIELDS = List.of("sessionId", "runId", "workshopId", "capacity",
			"seatsTaken", "seatsLeft", "status");

	private LiveEvents() {
	}

	static List<LiveMessage> of(JsonNode envelope) {
		JsonNode data = envelope.path("data");
		long version = envelope.path("aggregateVersion").asLong();
		Long workshop = data.has("workshopId") ? data.get("workshopId").asLong() : null;
		List<LiveMessage> messages = new ArrayList<>();
		switch (envelope.path("type").asString("")) {
			case "session.created.v1" ->
				messages.add(new LiveMessage("session-created", workshop, null, all(data, version)));
			case "session.updated.v1" ->
				messages.add(new LiveMessage("session-update", workshop, null, all(data, version)));
			case "session.cancelled.v1" ->
				messages.add(new LiveMessage("session-cancelled", workshop, null, all(data, version)));
			case "enrollment.created.v1" -> {
				messages.add(new LiveMessage("session-update", workshop, null, seats(data, version)));
				messages.add(new LiveMessage("enrollment-confirmed", workshop, data.get("userId").asLong(),
						enrollment(data, version)));
			}
			case "enrollment.cancelled.v1" -> {
				messages.add(new LiveMessage("session-update", workshop, null, seats(data, version)));
				Map<String, Object> cancelled = enrollment(data, version);
				cancelled.put("reason", data.path("reason").asString());
				messages.add(new LiveMessage("enrollment-cancelled", workshop, data.get("userId").asLong(), cancelled));
			}
			default -> {
			}
		}
		return messages;
	}

	private static Map<String, Object> seats(JsonNode data, long version) {
		Map<String, Object> seats = new LinkedHashMap<>();
		SEAT_FIELDS.forEach((field) -> seats.put(field, value(data.get(field))));
		seats.put("version", version);
		return seats;
	}

	private static Map<String, Object> enrollment(JsonNode data, long version) {
		Map<String, Object> enrollment = new LinkedHashMap<>();
		enrollment.put("enrollmentId", data.path("enrollmentId").asLong());
		enrollment.putAll(seats(data, version));
		return enrollment;
	}

	private static Map<String, Object> all(JsonNode data, long version) {
		Map<String, Object> all = new LinkedHashMap<>();
		data.properties().forEach((field) -> all.put(field.getKey(), value(field.getValue())));
		all.put("version", version);
		return all;
	}

	private static Object value(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		return node.isNumber() ? node.decimalValue() : node.asString();
	}

}
