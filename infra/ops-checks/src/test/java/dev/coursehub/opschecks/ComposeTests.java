package dev.coursehub.opschecks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/compose/compose.yaml} through {@code docker-compose config}: it renders,
 * wires the services to PostgreSQL and Kafka, and refuses to start without its secrets.
 */
class ComposeTests {

	private static final Path COMPOSE = Tool.REPOSITORY.resolve("infra/compose");

	private static final Map<String, String> SECRETS = Map.of("POSTGRES_PASSWORD", "test-password",
			"GATEWAY_JWT_SECRET", "test-secret-test-secret-test-secret", "GRAFANA_ADMIN_PASSWORD", "test-password");

	@Test
	void rendersWithEveryServiceWired() {
		String rendered = Tool.run(COMPOSE, SECRETS, "docker-compose", "-f", "compose.yaml", "config")
			.assertSucceeded("docker-compose config")
			.output();
		Map<String, Object> compose = PrometheusTests.map(Tool.yamlDocuments(rendered).get(0));
		Map<String, Object> services = PrometheusTests.map(compose.get("services"));
		assertThat(services).containsOnlyKeys("postgres", "kafka", "booking-service", "analytics-service",
				"messaging-service", "telegram-sandbox", "gateway", "prometheus", "grafana");
		for (String service : List.of("booking-service", "analytics-service", "messaging-service")) {
			Map<String, Object> environment = environment(services, service);
			assertThat(environment).as(service)
				.containsEntry("DB_HOST", "postgres")
				.containsEntry("DB_PORT", "5432")
				.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
				.containsEntry("DB_PASSWORD", "test-password")
				.containsKey("DB_NAME");
		}
		assertThat(environment(services, "gateway")).containsEntry("BOOKING_URL", "http://booking-service:8081")
			.containsEntry("ANALYTICS_URL", "http://analytics-service:8082")
			.containsEntry("MESSAGING_URL", "http://messaging-service:8083");
		assertThat(rendered).contains("grafana/provisioning")
			.contains("grafana/dashboards")
			.contains("prometheus/rules");
	}

	@Test
	void messagingSendsToTheSandboxUnlessTelegramIsConfigured() {
		Map<String, Object> sandbox = environment(services(SECRETS), "messaging-service");
		assertThat(sandbox).containsEntry("TELEGRAM_API_URL", "http://telegram-sandbox:8084")
			.containsEntry("TELEGRAM_BOT_TOKEN", "0:local-sandbox-token-not-a-secret");
		Map<String, String> telegram = new HashMap<>(SECRETS);
		telegram.put("TELEGRAM_API_URL", "https://api.telegram.org");
		telegram.put("TELEGRAM_BOT_TOKEN", "123:from-the-env-file");
		assertThat(environment(services(telegram), "messaging-service"))
			.containsEntry("TELEGRAM_API_URL", "https://api.telegram.org")
			.containsEntry("TELEGRAM_BOT_TOKEN", "123:from-the-env-file");
	}

	@Test
	void refusesToRenderWithoutTheGatewaySecret() {
		Map<String, String> withoutSecret = Map.of("POSTGRES_PASSWORD", "test-password", "GRAFANA_ADMIN_PASSWORD",
				"test-password", "GATEWAY_JWT_SECRET", "");
		Tool.Result result = Tool.run(COMPOSE, withoutSecret, "docker-compose", "-f", "compose.yaml", "config");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("GATEWAY_JWT_SECRET");
	}

	private static Map<String, Object> services(Map<String, String> environment) {
		String rendered = Tool.run(COMPOSE, environment, "docker-compose", "-f", "compose.yaml", "config")
			.assertSucceeded("docker-compose config")
			.output();
		return PrometheusTests.map(PrometheusTests.map(Tool.yamlDocuments(rendered).get(0)).get("services"));
	}

	private static Map<String, Object> environment(Map<String, Object> services, String service) {
		return PrometheusTests.map(PrometheusTests.map(services.get(service)).get("environment"));
	}

}
