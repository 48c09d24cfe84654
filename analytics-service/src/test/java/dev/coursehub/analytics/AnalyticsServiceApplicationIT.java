package dev.coursehub.analytics;

import java.util.List;

import dev.coursehub.testkit.ServiceFoundationChecks;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

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
	protected List<String> documentedPaths() {
		return List.of("/streams", "/users/growth", "/rebuild");
	}

	@Override
	protected List<String> migrations() {
		return List.of("1", "2");
	}

}
