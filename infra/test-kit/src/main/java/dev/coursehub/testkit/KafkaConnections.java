package dev.coursehub.testkit;

import java.util.List;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Connection details for the JVM's Kafka broker. */
@TestConfiguration(proxyBeanMethods = false)
class KafkaConnections {

	@Bean
	KafkaConnectionDetails testKafkaConnectionDetails() {
		List<String> servers = List.of(TestServers.kafka().bootstrapServers().split(","));
		return () -> servers;
	}

}
