package dev.coursehub.messaging.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import dev.coursehub.servicekit.DeadLetters;

/**
 * The topic messaging-service publishes delivery outcomes to (kept whole, like every
 * event topic) and the dead-letter topic for the booking events it consumes.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic messagingEventsTopic(@Value("${coursehub.kafka.topics.messaging-events}") String name,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return TopicBuilder.name(name)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
			.build();
	}

	@Bean
	NewTopic bookingEventsDeadLetterTopic(@Value("${coursehub.kafka.topics.booking-events}") String bookingEvents,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return TopicBuilder.name(bookingEvents + DeadLetters.SUFFIX).partitions(partitions).replicas(replicas).build();
	}

}
