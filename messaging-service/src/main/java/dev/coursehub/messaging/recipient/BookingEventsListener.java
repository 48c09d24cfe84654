package dev.coursehub.messaging.recipient;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the recipient directory from booking-service's events. Thin: the envelope goes to
 * {@link DirectoryUpdates}; the returned Mono completes when the change is committed, and
 * only then is the offset committed.
 */
@Component
class BookingEventsListener {

	private final DirectoryUpdates updates;

	BookingEventsListener(DirectoryUpdates updates) {
		this.updates = updates;
	}

	@KafkaListener(id = "recipient-directory", topics = "${coursehub.kafka.topics.booking-events}",
			groupId = "${spring.kafka.consumer.group-id:messaging-service}")
	Mono<Void> onEvent(JsonNode envelope) {
		return this.updates.apply(envelope);
	}

}
