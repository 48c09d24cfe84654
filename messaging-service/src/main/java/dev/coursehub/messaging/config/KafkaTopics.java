package dev.coursehub.messaging.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.coursehub.servicekit.EventTopics;

/**
 * The topic messaging-service publishes delivery outcomes to (kept whole, like every
 * event topic), the booking events it consumes and their dead-letter topic. It declares
 * the booking events topic as booking-service does, so that whichever service starts
 * first creates it with its partitions: consumers never create a topic
 * ({@code allow.auto.create.topics=false}), since one created by a subscription gets the
 * broker's single partition, and a consumer assigned that one partition does not see the
 * others added later until its metadata is refreshed (up to five minutes).
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
	NewTopic bookingEventsTopic(@Value("${coursehub.kafka.topics.booking-events}") String bookingEvents,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return EventTopics.events(bookingEvents, partitions, replicas);
	}

	@Bean
	NewTopic bookingEventsDeadLetterTopic(@Value("${coursehub.kafka.topics.booking-events}") String bookingEvents,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return EventTopics.deadLetters(bookingEvents, partitions, replicas);
	}

}
