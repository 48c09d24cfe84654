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
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards of {@code infra/grafana}: they parse, use only the provisioned data
 * source (by its fixed uid, no {@code ${DS_...}} inputs), every panel has a query, and
 * every query is PromQL that Prometheus parses.
 */
class GrafanaDashboardTests {

	static final String DATASOURCE_UID = "coursehub-prometheus";

	private static final Path GRAFANA = Tool.REPOSITORY.resolve("infra/grafana");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void provisionedDataSourceHasTheFixedUid() throws IOException {
		Map<String, Object> provisioning = PrometheusTests
			.map(Tool.yaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml")));
		List<Map<String, Object>> datasources = PrometheusTests.list(provisioning.get("datasources"));
		assertThat(datasources).singleElement().satisfies((datasource) -> {
			assertThat(datasource.get("uid")).isEqualTo(DATASOURCE_UID);
			assertThat(datasource.get("type")).isEqualTo("prometheus");
		});
	}

	@Test
	void theThreeDashboardsAreThere() throws IOException {
		Set<String> uids = new HashSet<>();
		for (Path file : dashboards()) {
			uids.add((String) dashboard(file).get("uid"));
		}
		assertThat(uids).containsExactlyInAnyOrder("coursehub-overview", "coursehub-business", "coursehub-jvm");
	}

	@Test
	void everyDataSourceIsTheProvisionedOne() throws IOException {
		for (Path file : dashboards()) {
			assertThat(Files.readString(file)).as(file.toString()).doesNotContain("${DS_").doesNotContain("__inputs");
			List<Object> datasources = new ArrayList<>();
			collect(dashboard(file), "datasource", datasources);
			assertThat(datasources).as(file.toString()).isNotEmpty().allSatisfy((datasource) -> {
				assertThat(datasource).isInstanceOf(Map.class);
				assertThat(((Map<?, ?>) datasource).get("uid")).isEqualTo(DATASOURCE_UID);
			});
		}
	}

	@Test
	void everyPanelHasAQuery() throws IOException {
		for (Path file : dashboards()) {
			List<Map<String, Object>> panels = panels(dashboard(file));
			assertThat(panels).as(file.toString()).hasSizeGreaterThan(5);
			Set<Object> ids = new HashSet<>();
			for (Map<String, Object> panel : panels) {
				assertThat(ids.add(panel.get("id"))).as("unique panel id %s in %s", panel.get("id"), file).isTrue();
				if ("row".equals(panel.get("type"))) {
					continue;
				}
				List<Map<String, Object>> targets = PrometheusTests.list(panel.get("targets"));
				assertThat(targets).as("queries of '%s' in %s", panel.get("title"), file)
					.isNotEmpty()
					.allSatisfy((target) -> assertThat((String) target.get("expr")).isNotBlank());
			}
		}
	}

	@Test
	void everyQueryIsPromqlThatParses(@TempDir Path directory) throws IOException {
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
		int count = 0;
		for (Path file : dashboards()) {
			for (Map<String, Object> panel : panels(dashboard(file))) {
				for (Map<String, Object> target : PrometheusTests.list(panel.get("targets"))) {
					String expr = promql((String) target.get("expr"));
					rules.append("      - record: dashboard:query_").append(count++).append('\n');
					rules.append("        expr: ").append(json.writeValueAsString(expr)).append('\n');
				}
			}
		}
		assertThat(count).isGreaterThan(30);
		Files.writeString(directory.resolve("dashboards.yml"), rules);
		Tool.run(directory, "promtool", "check", "rules", "dashboards.yml")
			.assertSucceeded("promtool check rules on the dashboards' queries");
	}

	@Test
	void theShareOf5xxIsZeroForAServiceThatNeverFailed(@TempDir Path directory) throws IOException {
		// a service without a single 5xx has no 5xx series: its share must be 0, not
		// missing
		String share = promql(expr("coursehub-overview", "5xx share by service"));
		Files.writeString(directory.resolve("none.yml"), "groups: []\n");
		Files.writeString(directory.resolve("share_test.yml"), """
				rule_files: [none.yml]
				tests:
				  - interval: 1m
				    input_series:
				      - series: 'http_server_requests_seconds_count{application="gateway",status="200"}'
				        values: '0+60x10'
				      - series: 'http_server_requests_seconds_count{application="booking-service",status="200"}'
				        values: '0+54x10'
				      - series: 'http_server_requests_seconds_count{application="booking-service",status="503"}'
				        values: '0+6x10'
				    promql_expr_test:
				      - expr: %s
				        eval_time: 10m
				        exp_samples:
				          - labels: '{application="gateway"}'
				            value: 0
				          - labels: '{application="booking-service"}'
				            value: 0.1
				""".formatted(json.writeValueAsString(share)));
		Tool.run(directory, "promtool", "test", "rules", "share_test.yml")
			.assertSucceeded("promtool test rules on the 5xx share panel");
	}

	private static String expr(String uid, String title) throws IOException {
		for (Path file : dashboards()) {
			Map<String, Object> dashboard = dashboard(file);
			if (uid.equals(dashboard.get("uid"))) {
				for (Map<String, Object> panel : panels(dashboard)) {
					if (title.equals(panel.get("title"))) {
						return (String) PrometheusTests.list(panel.get("targets")).get(0).get("expr");
					}
				}
			}
		}
		throw new AssertionError("no panel '" + title + "' in dashboard " + uid);
	}

	/**
	 * A dashboard query as Prometheus receives it: Grafana's interval variables become a
	 * duration, the dashboard's own variables (multi-value, "All") a regular expression.
	 */
	static String promql(String expr) {
		return expr.replace("$__rate_interval", "5m")
			.replace("$__interval", "1m")
			.replace("$__range", "1h")
			.replaceAll("\\$\\{?[a-z_]+}?", ".*");
	}

	static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> dashboard(Path file) throws IOException {
		return json.readValue(file.toFile(), Map.class);
	}

	static List<Map<String, Object>> panels(Map<String, Object> dashboard) {
		List<Map<String, Object>> all = new ArrayList<>();
		for (Map<String, Object> panel : PrometheusTests.list(dashboard.get("panels"))) {
			all.add(panel);
			all.addAll(PrometheusTests.list(panel.get("panels")));
		}
		return all;
	}

	private static void collect(Object node, String key, List<Object> found) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((name, value) -> {
				if (key.equals(name)) {
					found.add(value);
				}
				collect(value, key, found);
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach((item) -> collect(item, key, found));
		}
	}

}
