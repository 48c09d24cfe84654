package dev.coursehub.analytics;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event envelopes as booking-service publishes them, with a fresh event id, for the tests
 * that build events by hand.
 */
public final class TestEnvelopes {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private TestEnvelopes() {
	}

	public static ObjectNode envelope(String type, String aggregateType, long aggregateId, long version,
			ObjectNode data) {
		ObjectNode envelope = mapper.createObjectNode()
			.put("eventId", UUID.randomUUID().toString())
			.put("type", type)
			.put("occurredAt", Instant.now().toString())
			.put("aggregateType", aggregateType)
			.put("aggregateId", String.valueOf(aggregateId))
			.put("aggregateVersion", version);
		envelope.set("data", data);
		return envelope;
	}

}
