package dev.coursehub.opschecks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/prometheus} (and the compose copy of the scrape configuration) through
 * promtool: configuration, rules and the rules' unit tests.
 */
class PrometheusTests {

	private static final Path PROMETHEUS = Tool.REPOSITORY.resolve("infra/prometheus");

	private static final Path RULES = PROMETHEUS.resolve("rules");

	@Test
	void promtoolIsTheRealThing() {
		assertThat(Tool.run(PROMETHEUS, "promtool", "--version").assertSucceeded("promtool --version").output())
			.contains("promtool, version");
	}

	@Test
	void localStackConfigurationIsValid(@TempDir Path copy) throws IOException {
		// the gateway's token file is written by the local stack; promtool wants it to
		// exist
		Path prometheus = copy.resolve("infra/prometheus");
		copyTree(PROMETHEUS, prometheus);
		Files.createDirectories(copy.resolve(".local-stack"));
		Files.writeString(copy.resolve(".local-stack/admin-token"), "token");
		Tool.run(prometheus, "promtool", "check", "config", "prometheus.yml")
			.assertSucceeded("promtool check config infra/prometheus/prometheus.yml");
		assertThat(targets(PROMETHEUS.resolve("prometheus.yml"))).containsExactlyInAnyOrder("localhost:8080",
				"localhost:8081", "localhost:8082", "localhost:8083");
	}

	@Test
	void composeConfigurationIsValid(@TempDir Path copy) throws IOException {
		Path compose = Tool.REPOSITORY.resolve("infra/compose/prometheus/prometheus.yml");
		Files.copy(compose, copy.resolve("prometheus.yml"));
		copyTree(RULES, copy.resolve("rules"));
		Files.createDirectories(copy.resolve("secrets"));
		Files.writeString(copy.resolve("secrets/gateway-token"), "token");
		Tool.run(copy, "promtool", "check", "config", "prometheus.yml")
			.assertSucceeded("promtool check config infra/compose/prometheus/prometheus.yml");
		assertThat(targets(compose)).containsExactlyInAnyOrder("gateway:8080", "booking-service:8081",
				"analytics-service:8082", "messaging-service:8083");
	}

	@Test
	void rulesAreValid() throws IOException {
		List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
		ruleFiles().forEach((file) -> command.add(file.toString()));
		assertThat(command).hasSizeGreaterThan(3);
		Tool.run(PROMETHEUS, command.toArray(String[]::new)).assertSucceeded("promtool check rules");
	}

	@Test
	void ruleUnitTestsPass() throws IOException {
		List<Path> tests = testFiles();
		assertThat(tests).isNotEmpty();
		for (Path test : tests) {
			Tool.run(test.getParent(), "promtool", "test", "rules", test.getFileName().toString())
				.assertSucceeded("promtool test rules " + test);
		}
	}

	@Test
	void everyAlertIsAnnotatedAndHasAUnitTestWhereItFires() throws IOException {
		Set<String> tested = firingAlertsOfTests();
		List<String> alerts = new ArrayList<>();
		for (Path file : ruleFiles()) {
			for (Map<String, Object> group : list(map(Tool.yaml(file)).get("groups"))) {
				for (Map<String, Object> rule : list(group.get("rules"))) {
					if (rule.get("alert") instanceof String alert) {
						alerts.add(alert);
						Map<String, Object> annotations = map(rule.get("annotations"));
						assertThat(annotations).as(alert).containsKeys("summary", "description");
						assertThat(tested).as("a promtool test in which %s fires", alert).contains(alert);
					}
				}
			}
		}
		assertThat(alerts).contains("CourseHubServiceDown", "CourseHubHighErrorRate", "CourseHubHighLatencyP99",
				"CourseHubKafkaConsumerLagGrowing", "CourseHubOutboxBacklogOld", "CourseHubDeadLetters",
				"CourseHubBroadcastAutoPaused");
	}

	@Test
	void promtoolRejectsARuleThatDoesNotParse(@TempDir Path directory) throws IOException {
		// the checks above mean something only if promtool really parses PromQL
		Path broken = directory.resolve("broken.yml");
		Files.writeString(broken, """
				groups:
				  - name: broken
				    rules:
				      - alert: Broken
				        expr: sum by (application (rate(http_server_requests_seconds_count[5m]))
				""");
		assertThat(Tool.run(directory, "promtool", "check", "rules", "broken.yml").exitCode()).isNotZero();
	}

	static List<Path> ruleFiles() throws IOException {
		try (Stream<Path> files = Files.list(RULES)) {
			return files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
	}

	private static List<Path> testFiles() throws IOException {
		try (Stream<Path> files = Files.list(PROMETHEUS.resolve("tests"))) {
			return files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
	}

	private static Set<String> firingAlertsOfTests() throws IOException {
		Set<String> firing = new HashSet<>();
		for (Path test : testFiles()) {
			for (Map<String, Object> unit : list(map(Tool.yaml(test)).get("tests"))) {
				for (Map<String, Object> check : list(unit.get("alert_rule_test"))) {
					if (!list(check.get("exp_alerts")).isEmpty()) {
						firing.add((String) check.get("alertname"));
					}
				}
			}
		}
		return firing;
	}

	private static List<String> targets(Path configuration) throws IOException {
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : list(map(Tool.yaml(configuration)).get("scrape_configs"))) {
			assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
			for (Map<String, Object> config : list(job.get("static_configs"))) {
				for (Object target : (List<?>) config.get("targets")) {
					targets.add((String) target);
				}
			}
		}
		return targets;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

}
