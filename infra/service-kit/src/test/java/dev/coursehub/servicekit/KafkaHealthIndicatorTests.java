package dev.coursehub.servicekit;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTests {

	@Test
	void reportsDownWhenNoBrokerAnswers() {
		KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				800));
		try (KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, Duration.ofMillis(800))) {
			indicator.health()
				.as(StepVerifier::create)
				.assertNext((health) -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
				.verifyComplete();
		}
	}

}
