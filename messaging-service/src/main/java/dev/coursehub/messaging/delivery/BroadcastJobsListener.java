package dev.coursehub.messaging.delivery;

import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes broadcast jobs ({@code broadcast.created.v1}) and starts a delivery round at
 * once. The job only wakes the workers: what to send is in the database, which is what
 * makes delivery survive crashes; idle workers also look every poll interval, so a lost
 * wake-up only delays a broadcast by that much.
 */
@Component
class BroadcastJobsListener {

	private final DeliveryWorker worker;

	BroadcastJobsListener(DeliveryWorker worker) {
		this.worker = worker;
	}

	@KafkaListener(id = "broadcast-jobs", topics = "${coursehub.kafka.topics.messaging-events}",
			groupId = "${spring.kafka.consumer.group-id:messaging-service}-jobs")
	void onEvent(JsonNode envelope) {
		if ("broadcast.created.v1".equals(envelope.path("type").asString(""))) {
			this.worker.wake();
		}
	}

}
