package dev.coursehub.analytics.ingest;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.coursehub.analytics.events.Envelope;
import dev.coursehub.analytics.events.EventReader;

/**
 * Applies each booking event to the figures. The listener thread waits for the record's
 * transaction to commit before the next record (and before the offset is committed): the
 * one place this service blocks, on spring-kafka's own consumer thread, never on a
 * Reactor or Netty thread. A record that breaks the contract is rejected and
 * dead-lettered by the service kit's error handler; a failing database is retried and
 * then dead-lettered.
 */
@Component
class EventListener {

	/** The listener container's id, for stopping and starting it. */
	static final String ID = "analytics-events";

	private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

	private final EventApplier applier;

	private final IngestMetrics metrics;

	EventListener(EventApplier applier, IngestMetrics metrics) {
		this.applier = applier;
		this.metrics = metrics;
	}

	@KafkaListener(id = ID, topics = "${coursehub.kafka.topics.booking-events}",
			concurrency = "${coursehub.analytics.listener-concurrency:1}")
	void on(ConsumerRecord<String, JsonNode> record) {
		Envelope event = EventReader.envelope(record.value());
		EventApplier.Outcome outcome = this.applier.applyLive(event).block(APPLY_TIMEOUT);
		this.metrics.record(event, outcome);
	}

}
