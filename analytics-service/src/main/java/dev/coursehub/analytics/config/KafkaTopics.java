package dev.coursehub.analytics.config;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.coursehub.servicekit.EventTopics;

/** The dead-letter topic for the booking events analytics-service consumes. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic bookingEventsDeadLetterTopic(@Value("${coursehub.kafka.topics.booking-events}") String bookingEvents,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return EventTopics.deadLetters(bookingEvents, partitions, replicas);
	}

}
