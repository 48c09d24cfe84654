package dev.coursehub.servicekit.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a change causes, as domain code returns it: a versioned logical type, the
 * aggregate it is about with that aggregate's new version, and the values consumers need.
 *
 * @param eventId unique id consumers de-duplicate on
 * @param type logical type, e.g. {@code booking.confirmed.v1}
 * @param aggregateType e.g. {@code booking}
 * @param aggregateId id of the aggregate; the Kafka key, so its events stay in order
 * @param aggregateVersion version of the aggregate after the change (1, 2, ...)
 * @param occurredAt when the change happened
 * @param data the event's values, serialized as the envelope's {@code data}
 */
public record OutboxEvent(UUID eventId, String type, String aggregateType, String aggregateId, long aggregateVersion,
		Instant occurredAt, Object data) {

	public static OutboxEvent of(String type, String aggregateType, Object aggregateId, long aggregateVersion,
			Instant occurredAt, Object data) {
		return new OutboxEvent(UUID.randomUUID(), type, aggregateType, String.valueOf(aggregateId), aggregateVersion,
				occurredAt, data);
	}

}
