package dev.coursehub.messaging.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.coursehub.servicekit.EventTopics;

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
		return EventTopics.events(name, partitions, replicas);
	}

	@Bean
	NewTopic bookingEventsDeadLetterTopic(@Value("${coursehub.kafka.topics.booking-events}") String bookingEvents,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return EventTopics.deadLetters(bookingEvents, partitions, replicas);
	}

}
