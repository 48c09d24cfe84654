package dev.coursehub.messaging;

import dev.coursehub.testkit.ActuatorAssertions;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class MessagingServiceApplicationIT {

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient client;

	@Test
	void flywayMigrationsRanThroughTheServiceConfiguration() {
		this.database.sql("SELECT count(*) AS applied FROM flyway_schema_history WHERE success AND version = '1'")
			.map((row) -> row.get("applied", Long.class))
			.one()
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
		this.database.sql("SELECT count(*) AS pending FROM processed_event")
			.map((row) -> row.get("pending", Long.class))
			.one()
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	@Test
	void isReadyOnlyWithItsDatabaseAndKafka() {
		ActuatorAssertions.assertReady(this.client, "r2dbc", "kafka");
	}

	@Test
	void tagsEveryMeterWithTheApplication() {
		ActuatorAssertions.assertEveryMeterTagged(this.client, "messaging-service");
	}

}
