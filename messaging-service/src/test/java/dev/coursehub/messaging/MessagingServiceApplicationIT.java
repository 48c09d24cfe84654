package dev.coursehub.messaging;

import java.util.List;

import dev.coursehub.testkit.ServiceFoundationChecks;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coursehub.kafka.topics.booking-events=" + MessagingServiceApplicationIT.BOOKING_EVENTS,
				"spring.kafka.consumer.group-id=messaging-app-it" })
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class MessagingServiceApplicationIT extends ServiceFoundationChecks {

	/** A topic no other test uses, so that this context is the one that makes it. */
	static final String BOOKING_EVENTS = "messaging-app-it.booking.events";

	@Autowired
	MeterRegistry messagingMeters;

	@Autowired
	KafkaAdmin kafkaAdmin;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void consumesInTheGroupsOfItsConfiguration() {
		// KAFKA_GROUP_ID: two deployments on one Kafka never share a group by accident
		assertThat(this.listeners.getListenerContainer("recipient-directory").getGroupId())
			.isEqualTo("messaging-app-it");
		assertThat(this.listeners.getListenerContainer("broadcast-jobs").getGroupId())
			.isEqualTo("messaging-app-it-jobs");
	}

	@Test
	void theBookingEventsTopicItConsumesHasItsPartitionsWhoeverStartsFirst() {
		// a topic made by a subscription would have the broker's one partition
		assertThat(this.consumers.getConfigurationProperties())
			.containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
		assertThat(this.kafkaAdmin.describeTopics(BOOKING_EVENTS).get(BOOKING_EVENTS).partitions()).hasSize(3);
	}

	@Test
	void registersTheMessagingMetricsAtZeroBeforeTheFirstBroadcast() {
		for (String outcome : List.of("sent", "failed", "retried", "rate_limited")) {
			assertThat(this.messagingMeters.get("coursehub.broadcasts.sends").tag("outcome", outcome).counter().count())
				.isZero();
		}
		for (String reason : List.of("admin", "failure_rate")) {
			assertThat(this.messagingMeters.get("coursehub.broadcasts.paused").tag("reason", reason).counter().count())
				.isZero();
		}
		for (String state : List.of("pending", "sent", "failed")) {
			assertThat(this.messagingMeters.get("coursehub.broadcasts.recipients").tag("state", state).gauge().value())
				.isZero();
		}
		assertThat(this.messagingMeters.get("coursehub.broadcasts.active").gauge().value()).isZero();
		assertThat(this.messagingMeters.get("coursehub.telegram.limiter.wait").timer().count()).isZero();
		// buckets for the p99 panel of infra/grafana, exported from the start
		assertThat(this.messagingMeters.get("coursehub.telegram.limiter.wait").timer().takeSnapshot().histogramCounts())
			.hasSize(11);
		assertThat(
				this.messagingMeters.get("coursehub.telegram.send.lateness").timer().takeSnapshot().histogramCounts())
			.hasSize(10);
		for (String reason : List.of("late", "window", "no_send_ready")) {
			assertThat(this.messagingMeters.get("coursehub.telegram.slots.unused")
				.tag("reason", reason)
				.functionCounter()
				.count()).isZero();
		}
	}

	@Override
	protected String application() {
		return "messaging-service";
	}

	@Override
	protected List<String> documentedPaths() {
		return List.of("/broadcasts", "/broadcasts/preview", "/broadcasts/{id}/progress");
	}

	@Override
	protected List<String> migrations() {
		return List.of("1", "2", "3", "4", "5");
	}

}
