package dev.coursehub.analytics;

import java.util.List;

import dev.coursehub.testkit.ServiceFoundationChecks;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class AnalyticsServiceApplicationIT extends ServiceFoundationChecks {

	@Override
	protected String application() {
		return "analytics-service";
	}

	@Override
	protected List<String> migrations() {
		return List.of("1", "2");
	}

	@Test
	void describesTheApiAsOpenApi3ForTheGateway() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.value((version) -> assertThat((String) version).startsWith("3."))
			.jsonPath("$.paths['/streams'].get")
			.exists()
			.jsonPath("$.paths['/users/growth'].get")
			.exists()
			.jsonPath("$.paths['/rebuild'].post")
			.exists();
	}

}
