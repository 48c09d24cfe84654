package dev.coursehub.testkit;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service with a database must show, run against the service's own
 * configuration: its Flyway migrations ran, readiness includes its database and Kafka,
 * every meter carries the application tag, and it describes its API as OpenAPI 3 at
 * {@code /v3/api-docs}, where the gateway gathers it. A service's test extends this and
 * names itself.
 */
public abstract class ServiceFoundationChecks {

	@Autowired
	protected DatabaseClient database;

	@Autowired
	protected WebTestClient client;

	/** {@code spring.application.name} of the service. */
	protected abstract String application();

	/**
	 * The Flyway versions the service must have applied, e.g. {@code List.of("1", "2")}.
	 */
	protected abstract List<String> migrations();

	/** The health components readiness must include. */
	protected List<String> readinessComponents() {
		return List.of("r2dbc", "kafka");
	}

	/**
	 * Paths (as the service sees them, e.g. {@code /streams}) its OpenAPI document must
	 * describe.
	 */
	protected abstract List<String> documentedPaths();

	@Test
	void describesItsApiAsOpenApi3ForTheGateway() {
		WebTestClient.BodyContentSpec document = this.client.mutate()
			// springdoc builds the document on the first call: seconds on a loaded
			// machine
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.value((String version) -> assertThat(version).startsWith("3."));
		for (String path : documentedPaths()) {
			document.jsonPath("$.paths['" + path + "']").exists();
		}
	}

	@Test
	void flywayMigrationsRanThroughTheServiceConfiguration() {
		this.database.sql(
				"SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")
			.map((row) -> row.get("version", String.class))
			.all()
			.collectList()
			.as(StepVerifier::create)
			.expectNext(migrations())
			.verifyComplete();
	}

	@Test
	void isReadyOnlyWithItsDatabaseAndKafka() {
		ActuatorAssertions.assertReady(this.client, readinessComponents().toArray(String[]::new));
	}

	@Test
	void tagsEveryMeterWithTheApplication() {
		ActuatorAssertions.assertEveryMeterTagged(this.client, application());
	}

}
