package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query of {@code infra/grafana/dashboards} and {@code infra/prometheus/rules},
 * asked of the stack's real Prometheus.
 * <p>
 * A dashboard query must parse and return series: a panel that stays empty on a stack
 * that has seen traffic is broken (a renamed metric, a missing histogram, a label that is
 * not there).
 * <p>
 * An alert expression must parse too, but on a healthy stack most alerts are false, so
 * they return nothing. Such an expression passes when it is empty only because of what it
 * filters: the left-hand side of its outermost comparison returns series
 * ({@code up == 0}: {@code up} does), both sides of an {@code or} or {@code and} pass,
 * the left side of an {@code unless} passes, or what an aggregation or parentheses hold
 * passes ({@link PromqlParts}). Everything else, arithmetic included, must return series.
 */
final class MonitoringQueries {

	static final Path REPOSITORY = StackConfig.findRepoRoot(Path.of(""));

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*([a-zA-Z_]\\w*)\\)$");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PrometheusApi prometheus;

	MonitoringQueries(PrometheusApi prometheus) {
		this.prometheus = prometheus;
	}

	void awaitEveryTargetUp() {
		Awaitility.await("Prometheus scrapes the four services")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				Map<String, String> targets = this.prometheus.targets();
				assertThat(targets).as("targets")
					.containsOnlyKeys("booking-service", "analytics-service", "messaging-service", "gateway");
				assertThat(targets.values()).as("health of %s", targets).allMatch((health) -> health.startsWith("up "));
			});
	}

	/**
	 * Waits until every query answers (the gauges refresh every 10 to 30 seconds, a rate
	 * needs two scrapes); fails listing every one that does not.
	 */
	void awaitEveryQueryAnswered() throws IOException {
		List<Query> rules = ruleQueries();
		assertThat(rules).as("alert rules").hasSizeGreaterThanOrEqualTo(7);
		Awaitility.await("every dashboard and alert query answers")
			.atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(5))
			.untilAsserted(() -> {
				// the variables' values too: a course is only known once its figures are
				List<Query> queries = new ArrayList<>(dashboardQueries());
				assertThat(queries).as("dashboard queries").hasSizeGreaterThan(30);
				queries.addAll(rules);
				List<String> unanswered = new ArrayList<>();
				for (Query query : queries) {
					String problem = query.alert() ? unansweredAlert(query.expr()) : unansweredPanel(query.expr());
					if (problem != null) {
						unanswered.add(query.where() + ": " + problem);
					}
				}
				assertThat(unanswered).as("%d of %d queries", unanswered.size(), queries.size()).isEmpty();
			});
	}

	private String unansweredPanel(String expr) {
		PrometheusApi.Answer answer = this.prometheus.query(expr);
		return answer.hasSeries() ? null : "`" + expr + "` " + answer;
	}

	private String unansweredAlert(String expr) {
		PrometheusApi.Answer answer = this.prometheus.query(expr);
		if (answer.error() != null || answer.hasSeries()) {
			return (answer.error() != null) ? "`" + expr + "` " + answer : null;
		}
		PromqlParts.Split split = PromqlParts.split(expr).orElse(null);
		if (split == null) {
			return "`" + expr + "` returned no series";
		}
		return switch (split.kind()) {
			case OR, AND -> Stream.of(unansweredAlert(split.left()), unansweredAlert(split.right()))
				.filter((problem) -> problem != null)
				.findFirst()
				.orElse(null);
			case UNLESS, WRAPPER -> unansweredAlert(split.left());
			case COMPARISON -> this.prometheus.query(split.left()).hasSeries() ? null
					: "the left-hand side of a comparison, `" + split.left() + "`, returned no series";
		};
	}

	/** Every panel's query, with the dashboard's variables set to all their values. */
	private List<Query> dashboardQueries() throws IOException {
		List<Query> queries = new ArrayList<>();
		for (Path file : files(REPOSITORY.resolve("infra/grafana/dashboards"), ".json")) {
			JsonNode dashboard = json.readTree(Files.readString(file));
			Map<String, String> variables = new LinkedHashMap<>();
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				variables.put(variable.path("name").asString(""), allValues(file, variable));
			}
			List<JsonNode> panels = new ArrayList<>();
			for (JsonNode panel : dashboard.path("panels")) {
				panels.add(panel);
				panel.path("panels").forEach(panels::add);
			}
			for (JsonNode panel : panels) {
				for (JsonNode target : panel.path("targets")) {
					String expr = target.path("expr").asString("");
					queries.add(new Query(file.getFileName() + " / " + panel.path("title").asString(""),
							substitute(expr, variables), false));
				}
			}
		}
		return queries;
	}

	/**
	 * A variable set to "All", as Grafana sends it to Prometheus: its values as a regular
	 * expression, {@code (a|b|c)}. Its {@code label_values(selector, label)} query runs
	 * through Prometheus' series API, as Grafana runs it.
	 */
	private String allValues(Path file, JsonNode variable) {
		String definition = variable.path("query").path("query").asString("").strip();
		Matcher matcher = LABEL_VALUES.matcher(definition);
		assertThat(matcher.matches()).as("variable %s of %s is label_values(...)", variable.path("name"), file)
			.isTrue();
		List<String> values = this.prometheus.labelValues(matcher.group(1).strip(), matcher.group(2));
		assertThat(values).as("values of variable %s of %s: %s", variable.path("name"), file, definition).isNotEmpty();
		return values.stream().map(MonitoringQueries::escape).collect(Collectors.joining("|", "(", ")"));
	}

	/**
	 * Grafana's interval variables become windows wider than the whole test, so that its
	 * traffic is inside them; Grafana derives them from the panel's range and the scrape
	 * interval.
	 */
	static String substitute(String expr, Map<String, String> variables) {
		String result = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1h");
		// the longest name first: $course must not eat the start of $courseType
		List<Map.Entry<String, String>> longestFirst = variables.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, String> variable) -> variable.getKey().length())
				.reversed())
			.toList();
		for (Map.Entry<String, String> variable : longestFirst) {
			result = result.replace("${" + variable.getKey() + "}", variable.getValue())
				.replace("$" + variable.getKey(), variable.getValue());
		}
		assertThat(result).as("every variable of %s is known", expr).doesNotContain("$");
		return result;
	}

	/** A regular expression's special characters, escaped inside a PromQL string. */
	private static String escape(String value) {
		return value.replaceAll("([.+*?^$()\\[\\]{}|\\\\])", "\\\\\\\\$1");
	}

	private List<Query> ruleQueries() throws IOException {
		List<Query> queries = new ArrayList<>();
		for (Path file : files(REPOSITORY.resolve("infra/prometheus/rules"), ".yml")) {
			Map<String, Object> rules = new Yaml().load(Files.readString(file));
			for (Map<String, Object> group : list(rules.get("groups"))) {
				for (Map<String, Object> rule : list(group.get("rules"))) {
					String name = (String) ((rule.get("alert") != null) ? rule.get("alert") : rule.get("record"));
					queries.add(new Query(file.getFileName() + " / " + name, ((String) rule.get("expr")).strip(),
							rule.get("alert") != null));
				}
			}
		}
		return queries;
	}

	private static List<Path> files(Path directory, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(suffix)).sorted().toList();
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

	/**
	 * One query to ask.
	 *
	 * @param where the dashboard and panel, or the rule file and alert
	 * @param expr the PromQL, variables substituted
	 * @param alert whether it is an alert's expression
	 */
	record Query(String where, String expr, boolean alert) {

	}

}
