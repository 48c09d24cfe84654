package dev.coursehub.booking.live;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds this instance's real-time streams from {@code booking.events}. Its consumer group
 * is this instance's own ({@code booking-live-<uuid>}), so every instance sees every
 * change, whichever instance made it; it starts at the latest offset because a new stream
 * reads the current state from the database anyway. Nothing here is dead-lettered: a
 * record it cannot read is not a real-time message.
 */
@Component
class LiveListener {

	static final String ID = "booking-live";

	private static final Log log = LogFactory.getLog(LiveListener.class);

	private final LiveUpdates updates;

	private final JsonMapper json;

	LiveListener(LiveUpdates updates, JsonMapper json) {
		this.updates = updates;
		this.json = json;
	}

	@KafkaListener(id = ID, topics = "${coursehub.kafka.topics.booking-events}",
			groupId = "booking-live-#{T(java.util.UUID).randomUUID()}",
			properties = { "auto.offset.reset=latest", "enable.auto.commit=false", "allow.auto.create.topics=false" })
	void onEvent(String envelope) {
		try {
			this.updates.publish(LiveEvents.of(this.json.readTree(envelope)));
		}
		catch (RuntimeException ex) {
			log.warn("Skipped a booking event the live feed cannot read: " + ex.getClass().getSimpleName());
		}
	}

}
