package dev.coursehub.servicekit.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes events to the service's {@code outbox_event} table (each service creates it in
 * its own migration; see booking-service's {@code V1__outbox.sql}). Call it inside the
 * transaction of the change that caused them: if the change rolls back, so do its events;
 * once it commits, the relay publishes them.
 */
public class Outbox {

	private final DatabaseClient database;

	private final JsonMapper json;

	private final String topic;

	public Outbox(DatabaseClient database, JsonMapper json, String topic) {
		this.database = database;
		this.json = json;
		this.topic = topic;
	}

	/** Append the events, in order, to the current transaction. */
	public Mono<Void> append(List<OutboxEvent> events) {
		return Flux.fromIterable(events).concatMap(this::insert).then();
	}

	public Mono<Void> append(OutboxEvent event) {
		return insert(event);
	}

	private Mono<Void> insert(OutboxEvent event) {
		return this.database.sql("""
				INSERT INTO outbox_event (event_id, event_type, topic, aggregate_type, aggregate_id,
				                          aggregate_version, occurred_at, payload)
				VALUES (:eventId, :type, :topic, :aggregateType, :aggregateId, :version, :occurredAt,
				        CAST(:payload AS jsonb))
				""")
			.bind("eventId", event.eventId())
			.bind("type", event.type())
			.bind("topic", this.topic)
			.bind("aggregateType", event.aggregateType())
			.bind("aggregateId", event.aggregateId())
			.bind("version", event.aggregateVersion())
			.bind("occurredAt", event.occurredAt())
			.bind("payload", envelope(event))
			.then();
	}

	private String envelope(OutboxEvent event) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("eventId", event.eventId());
		envelope.put("type", event.type());
		envelope.put("occurredAt", event.occurredAt());
		envelope.put("aggregateType", event.aggregateType());
		envelope.put("aggregateId", event.aggregateId());
		envelope.put("aggregateVersion", event.aggregateVersion());
		envelope.put("data", event.data());
		return this.json.writeValueAsString(envelope);
	}

}
