package dev.coursehub.servicekit;

import java.time.Duration;
import java.util.Map;

import dev.coursehub.testkit.TestServers;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorIT {

	@Test
	void reportsUpWithTheClusterIdWhenTheBrokerAnswers() {
		KafkaAdmin admin = new KafkaAdmin(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers()));
		try (KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, Duration.ofSeconds(10))) {
			indicator.health().as(StepVerifier::create).assertNext((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
			}).verifyComplete();
		}
	}

}
