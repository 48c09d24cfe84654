package dev.coursehub.booking.config;

import dev.coursehub.servicekit.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics booking-service publishes to. Event topics keep their whole history (no time
 * or size limit) so that analytics can rebuild every figure by replaying them.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

	@Bean
	NewTopic bookingEventsTopic(@Value("${coursehub.kafka.topics.booking-events}") String name,
			@Value("${coursehub.kafka.partitions:3}") int partitions,
			@Value("${coursehub.kafka.replicas:1}") short replicas) {
		return EventTopics.events(name, partitions, replicas);
	}

}
