package dev.coursehub.analytics.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.coursehub.servicekit.EventTopics;

/**
 * The booking events topic analytics-service consumes (declared here too, with the same
 * settings as its publisher's, so this service can start first) and its dead-letter
 * topic.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

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
