package dev.coursehub.analytics.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import dev.coursehub.analytics.events.EventReader;
import dev.coursehub.servicekit.RejectedRecordException;

/**
 * Applies each poll of booking events to the figures in one transaction. The listener
 * thread waits for the transaction to commit before the next poll (and before the offsets
 * are committed): the one place this service blocks, on spring-kafka's own consumer
 * thread, never on a Reactor or Netty thread. A record that breaks the contract is found
 * before any database work: the records before it are applied, and it is rejected alone
 * ({@link BatchListenerFailedException} with its index), so the service kit's error
 * handler dead-letters it at once and delivers the rest again. If a poll's transaction
 * fails, its events are applied one at a time, so the one that fails is retried and
 * dead-lettered alone as well.
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

	@KafkaListener(id = ID, topics = "${coursehub.kafka.topics.booking-events}", batch = "true",
			concurrency = "${coursehub.analytics.listener-concurrency:1}")
	void on(List<ConsumerRecord<String, JsonNode>> records) {
		List<EventApplier.Read> events = new ArrayList<>(records.size());
		for (ConsumerRecord<String, JsonNode> record : records) {
			try {
				events.add(this.applier.read(EventReader.envelope(record.value())));
			}
			catch (RejectedRecordException ex) {
				apply(events);
				throw new BatchListenerFailedException(ex.getMessage(), ex, events.size());
			}
		}
		apply(events);
	}

	private void apply(List<EventApplier.Read> events) {
		if (events.isEmpty()) {
			return;
		}
		try {
			this.metrics.record(events, this.applier.applyLive(events).block(APPLY_TIMEOUT));
		}
		catch (RuntimeException ex) {
			// one at a time: the event that fails is the one retried and dead-lettered
			for (int i = 0; i < events.size(); i++) {
				List<EventApplier.Read> one = List.of(events.get(i));
				try {
					this.metrics.record(one, this.applier.applyLive(one).block(APPLY_TIMEOUT));
				}
				catch (RuntimeException failed) {
					throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, i);
				}
			}
		}
	}

}
