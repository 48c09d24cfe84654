package dev.coursehub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of Prometheus' HTTP API the metrics test makes. */
final class PrometheusApi {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI base;

	PrometheusApi(int port) {
		this.base = URI.create("http://localhost:" + port);
	}

	/** Instant query at the current time ({@code /api/v1/query}). */
	Answer query(String expr) {
		JsonNode body = get("/api/v1/query?query=" + encode(expr));
		if (!"success".equals(body.path("status").asString(""))) {
			return new Answer(expr, body.path("errorType").asString("") + ": " + body.path("error").asString(""), 0);
		}
		return new Answer(expr, null, body.path("data").path("result").size());
	}

	/** The health of every active target, by its {@code service} label. */
	Map<String, String> targets() {
		Map<String, String> health = new TreeMap<>();
		for (JsonNode target : get("/api/v1/targets?state=active").path("data").path("activeTargets")) {
			health.put(target.path("labels").path("service").asString(""), target.path("health").asString("") + " "
					+ target.path("scrapeUrl").asString("") + " " + target.path("lastError").asString(""));
		}
		return health;
	}

	/** The values of {@code label} over the series {@code selector} matches. */
	List<String> labelValues(String selector, String label) {
		TreeSet<String> values = new TreeSet<>();
		for (JsonNode series : get("/api/v1/series?match[]=" + encode(selector)).path("data")) {
			if (series.has(label)) {
				values.add(series.path(label).asString(""));
			}
		}
		return new ArrayList<>(values);
	}

	private JsonNode get(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			return json.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(this.base + " did not answer " + pathAndQuery, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * What an instant query returned.
	 *
	 * @param expr the query
	 * @param error why Prometheus refused it, {@code null} when it ran
	 * @param series how many series it returned
	 */
	record Answer(String expr, String error, int series) {

		boolean hasSeries() {
			return this.error == null && this.series > 0;
		}

		@Override
		public String toString() {
			return (this.error != null) ? "refused (" + this.error + ")" : this.series + " series";
		}

	}

}
