package dev.coursehub.booking.benchmark;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * User search at one million users: the legacy query on the legacy shape, and
 * {@code GET /users/search} on the packaged service (the whole path: HTTP, JSON and the
 * search SQL), on the same data in the same database and run.
 * <p>
 * System properties: {@code benchmark.users} (default 1000000),
 * {@code benchmark.iterations} per term and approach (200),
 * {@code benchmark.budgetSeconds} per term and approach (6; at least 5 iterations run).
 */
public final class UserSearchBenchmark {

	/** Common, rare, Cyrillic (also capitalised) and 1-2 character terms. */
	static final List<String> TERMS = List.of("a", "ov", "я", "xq", "ivan", "kuznetsov", "ольга", "Екатерина",
			"petrov1987", "7f3a9", "zzzz", "emma_the", "olga.p", "ван", "Ян");

	/** The legacy system's query, word for word; only the table names carry a prefix. */
	static final String LEGACY = """
			SELECT DISTINCT user_id, username, first_name FROM (
			  SELECT user_id, username, first_name FROM legacy_bookings WHERE LOWER(username) LIKE ? OR LOWER(first_name) LIKE ?
			  UNION
			  SELECT user_id, username, first_name FROM legacy_free_lesson_registrations WHERE LOWER(username) LIKE ? OR LOWER(first_name) LIKE ?
			) AS users WHERE user_id IS NOT NULL ORDER BY username, first_name LIMIT 50""";

	private final BenchmarkEnvironment environment;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int iterations = Integer.getInteger("benchmark.iterations", 200);

	private final Duration budget = Duration.ofSeconds(Long.getLong("benchmark.budgetSeconds", 6));

	private UserSearchBenchmark(BenchmarkEnvironment environment) {
		this.environment = environment;
	}

	public static void main(String[] args) throws Exception {
		int status = 0;
		try (BenchmarkEnvironment environment = BenchmarkEnvironment.start("user_search")) {
			System.out.println("Environment: " + environment.describe());
			new UserSearchBenchmark(environment).run(Integer.getInteger("benchmark.users", 1_000_000));
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void run(int users) throws Exception {
		StringBuilder report = new StringBuilder();
		try (Connection connection = this.environment.jdbc()) {
			for (String line : SearchData.load(connection, users)) {
				System.out.println(line);
				report.append("- ").append(line).append('\n');
			}
			report.append("- load average (1 min) before measuring: " + BenchmarkEnvironment.loadAverage() + "\n");
			report.append("\n| term | approach | rows | iterations | p50 ms | p95 ms | p99 ms | max ms |\n")
				.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
			Map<String, Latencies> overall = new LinkedHashMap<>();
			try (PreparedStatement legacy = connection.prepareStatement(LEGACY)) {
				for (String term : TERMS) {
					String legacyPattern = "%" + term.toLowerCase(Locale.ROOT) + "%";
					measure(report, overall, term, "legacy SQL", () -> rows(legacy, legacyPattern, 4));
					measure(report, overall, term, "CourseHub HTTP", () -> httpRows(term));
				}
			}
			report.append("\nload average (1 min) after measuring: " + BenchmarkEnvironment.loadAverage() + "\n");
			report.append("\n| approach | queries | p50 ms | p95 ms | p99 ms | max ms |\n")
				.append("| --- | --- | --- | --- | --- | --- |\n");
			overall.forEach((approach, latencies) -> report
				.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", approach, latencies.count(),
						Latencies.format(latencies.millis(50)), Latencies.format(latencies.millis(95)),
						Latencies.format(latencies.millis(99)), Latencies.format(latencies.maxMillis()))));
			Files.writeString(BenchmarkEnvironment.OUTPUT.resolve("user-search.md"), report);
			System.out.println(report);
			Files.writeString(BenchmarkEnvironment.OUTPUT.resolve("user-search-explain.txt"), explain(connection));
		}
	}

	private void measure(StringBuilder report, Map<String, Latencies> overall, String term, String approach,
			Query query) throws Exception {
		int rows = 0;
		for (int i = 0; i < 3; i++) {
			rows = query.run();
		}
		Latencies latencies = new Latencies();
		long deadline = System.nanoTime() + this.budget.toNanos();
		while (latencies.count() < this.iterations && (latencies.count() < 5 || System.nanoTime() < deadline)) {
			long started = System.nanoTime();
			query.run();
			latencies.record(System.nanoTime() - started);
		}
		overall.computeIfAbsent(approach, (key) -> new Latencies()).addAll(latencies);
		String line = String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %s |", term, approach, rows,
				latencies.count(), Latencies.format(latencies.millis(50)), Latencies.format(latencies.millis(95)),
				Latencies.format(latencies.millis(99)), Latencies.format(latencies.maxMillis()));
		System.out.println(line);
		report.append(line).append('\n');
	}

	private static int rows(PreparedStatement statement, String pattern, int parameters) throws SQLException {
		for (int i = 1; i <= parameters; i++) {
			statement.setString(i, pattern);
		}
		int rows = 0;
		try (ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				rows++;
			}
		}
		return rows;
	}

	private int httpRows(String term) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(this.environment.uri("/users/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("search " + term + " answered " + response.statusCode());
		}
		// rows in the JSON array: one "id" per user
		return response.body().split("\"id\"", -1).length - 1;
	}

	/** EXPLAIN (ANALYZE, BUFFERS) of the legacy query for a few terms. */
	private static String explain(Connection connection) throws SQLException {
		StringBuilder out = new StringBuilder();
		try (Statement statement = connection.createStatement()) {
			for (String term : List.of("ivan", "a", "ольга")) {
				String pattern = "'%" + term + "%'";
				explain(statement, out, "legacy, " + pattern, LEGACY.replace("?", pattern));
			}
		}
		return out.toString();
	}

	private static void explain(Statement statement, StringBuilder out, String title, String sql) throws SQLException {
		out.append("=== ").append(title).append('\n');
		try (ResultSet result = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
			while (result.next()) {
				out.append(result.getString(1)).append('\n');
			}
		}
		out.append('\n');
	}

	@FunctionalInterface
	private interface Query {

		int run() throws Exception;

	}

}
