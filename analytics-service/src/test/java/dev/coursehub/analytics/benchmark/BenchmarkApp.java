package dev.coursehub.analytics.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.coursehub.analytics.AnalyticsServiceApplication;
import dev.coursehub.testkit.TestDatabase;
import dev.coursehub.testkit.TestServers;

/**
 * The service under benchmark: started in this JVM against a new database of the test
 * kit's PostgreSQL and the test kit's Kafka, with its own application.yml and the
 * settings as command-line arguments (they win over application.yml, as the environment
 * does in production).
 */
final class BenchmarkApp {

	private BenchmarkApp() {
	}

	static ConfigurableApplicationContext start(String topic, String... more) {
		TestDatabase database = TestDatabase.create("analytics_bench");
		List<String> settings = new ArrayList<>(List.of("--spring.r2dbc.url=" + database.r2dbcUrl(),
				"--spring.r2dbc.username=" + database.username(), "--spring.r2dbc.password=" + database.password(),
				"--spring.flyway.url=" + database.jdbcUrl(), "--spring.flyway.user=" + database.username(),
				"--spring.flyway.password=" + database.password(), "--spring.kafka.bootstrap-servers=" + kafka(),
				"--server.port=0", "--coursehub.kafka.topics.booking-events=" + topic,
				"--spring.kafka.consumer.group-id=analytics-bench"));
		settings.addAll(List.of(more));
		return new SpringApplicationBuilder(AnalyticsServiceApplication.class).run(settings.toArray(String[]::new));
	}

	static String kafka() {
		return TestServers.kafka().bootstrapServers();
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	static void write(String name, CharSequence report) throws IOException {
		Path output = Path.of(System.getProperty("benchmark.output", "target/benchmarks"));
		Files.createDirectories(output);
		Files.writeString(output.resolve(name), report);
	}

}
