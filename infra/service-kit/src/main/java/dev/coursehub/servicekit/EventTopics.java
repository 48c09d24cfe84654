package dev.coursehub.servicekit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;

/**
 * How CourseHub topics are declared: event topics keep their whole history (no time or
 * size limit) so consumers can rebuild their state by replaying them; dead-letter topics
 * use the broker's retention.
 */
public final class EventTopics {

	private EventTopics() {
	}

	public static NewTopic events(String name, int partitions, short replicas) {
		return TopicBuilder.name(name)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, "-1")
			.config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
			.build();
	}

	/** The dead-letter topic of a consumed topic ({@code <topic>-dlt}). */
	public static NewTopic deadLetters(String consumedTopic, int partitions, short replicas) {
		return TopicBuilder.name(consumedTopic + DeadLetters.SUFFIX).partitions(partitions).replicas(replicas).build();
	}

}
