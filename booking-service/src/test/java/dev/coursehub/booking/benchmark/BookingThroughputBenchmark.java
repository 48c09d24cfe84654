package dev.coursehub.booking.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Bookings per second through the packaged booking-service on a real PostgreSQL and
 * Kafka: a closed-loop load of {@code POST /bookings} for new, distinct users at fixed
 * concurrency levels, then how long the outbox relay takes to publish what the run wrote.
 * <p>
 * System properties: {@code benchmark.levels} (default {@code 8,32,64}),
 * {@code benchmark.seconds} per level (20), {@code benchmark.warmupSeconds} (30).
 */
public final class BookingThroughputBenchmark {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private final BenchmarkEnvironment environment;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicLong nextUserId = new AtomicLong(1_000_000_000L);

	private long courseId;

	private BookingThroughputBenchmark(BenchmarkEnvironment environment) {
		this.environment = environment;
	}

	public static void main(String[] args) throws Exception {
		int[] levels = List.of(System.getProperty("benchmark.levels", "8,32,64").split(","))
			.stream()
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration measured = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));
		Duration warmup = Duration.ofSeconds(Long.getLong("benchmark.warmupSeconds", 30));
		int status = 0;
		try (BenchmarkEnvironment environment = BenchmarkEnvironment.start("booking_throughput")) {
			System.out.println("Environment: " + environment.describe());
			BookingThroughputBenchmark benchmark = new BookingThroughputBenchmark(environment);
			benchmark.createCourseAndStream();
			List<String> rows = new ArrayList<>();
			Phase warm = benchmark.run(levels[levels.length - 1], warmup);
			System.out.println("warm-up: " + warm.row(levels[levels.length - 1]));
			for (int concurrency : levels) {
				Phase phase = benchmark.run(concurrency, measured);
				System.out.println(phase.row(concurrency));
				rows.add(phase.row(concurrency));
			}
			String table = "| concurrency | requests | errors | bookings/s | p50 ms | p90 ms | p99 ms | max ms "
					+ "| outbox rows written | max backlog during run | backlog at end | drained in ms | "
					+ "Kafka records published | load avg 1 min |\n"
					+ "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
					+ String.join("\n", rows) + "\n";
			Files.writeString(BenchmarkEnvironment.OUTPUT.resolve("booking-throughput.md"), table);
			System.out.println(table);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private void createCourseAndStream() throws Exception {
		HttpResponse<String> course = post("/courses", "{\"title\":\"Benchmark course\"}");
		Matcher matcher = ID.matcher(course.body());
		if (course.statusCode() != 201 || !matcher.find()) {
			throw new IllegalStateException("POST /courses answered " + course.statusCode() + " " + course.body());
		}
		this.courseId = Long.parseLong(matcher.group(1));
		HttpResponse<String> stream = post("/courses/" + this.courseId + "/streams",
				"{\"code\":\"3rd_stream\",\"name\":\"3-й поток\"}");
		if (stream.statusCode() != 201) {
			throw new IllegalStateException("POST streams answered " + stream.statusCode() + " " + stream.body());
		}
	}

	/** One level: load for the given time, then wait for the outbox to drain. */
	private Phase run(int concurrency, Duration duration) throws Exception {
		long outboxBefore = outboxRows();
		long kafkaBefore = KafkaOffsets.total(this.environment.kafkaBootstrapServers(), "booking.events");
		List<Worker> workers = new ArrayList<>();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		for (int i = 0; i < concurrency; i++) {
			Worker worker = new Worker(deadline);
			workers.add(worker);
			worker.start();
		}
		// sample the outbox backlog once a second until every worker has finished
		AtomicLong maxBacklog = new AtomicLong();
		await("load of " + duration).atMost(duration.plusMinutes(1))
			.pollDelay(Duration.ofSeconds(1))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				maxBacklog.accumulateAndGet(backlog(), Math::max);
				return workers.stream().noneMatch(Thread::isAlive);
			});
		Latencies latencies = new Latencies();
		long errors = 0;
		for (Worker worker : workers) {
			worker.join();
			latencies.addAll(worker.latencies);
			errors += worker.errors;
		}
		long elapsed = System.nanoTime() - started;
		long backlogAtEnd = backlog();
		long drainStarted = System.nanoTime();
		await("outbox drained").atMost(Duration.ofMinutes(3))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> backlog() == 0);
		long drainMillis = (backlogAtEnd > 0) ? (System.nanoTime() - drainStarted) / 1_000_000 : 0;
		long written = outboxRows() - outboxBefore;
		long published = KafkaOffsets.total(this.environment.kafkaBootstrapServers(), "booking.events") - kafkaBefore;
		return new Phase(latencies, errors, elapsed, written, Math.max(maxBacklog.get(), backlogAtEnd), backlogAtEnd,
				drainMillis, published, BenchmarkEnvironment.loadAverage());
	}

	private long backlog() throws SQLException {
		return count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
	}

	private long outboxRows() throws SQLException {
		return count("SELECT count(*) FROM outbox_event");
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.environment.jdbc();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.environment.uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String booking(long userId) {
		String firstName = (userId % 2 == 0) ? "Иван" : "Anna";
		return "{\"userId\":" + userId + ",\"courseId\":" + this.courseId
				+ ",\"stream\":\"3rd_stream\",\"username\":\"u" + userId + "\",\"firstName\":\"" + firstName + "\"}";
	}

	/** One closed-loop client: the next request leaves when the previous one answered. */
	private final class Worker extends Thread {

		private final long deadline;

		private final Latencies latencies = new Latencies();

		private long errors;

		Worker(long deadline) {
			this.deadline = deadline;
		}

		@Override
		public void run() {
			while (System.nanoTime() < this.deadline) {
				long userId = BookingThroughputBenchmark.this.nextUserId.incrementAndGet();
				long sent = System.nanoTime();
				try {
					HttpResponse<String> response = post("/bookings", booking(userId));
					if (response.statusCode() == 201) {
						this.latencies.record(System.nanoTime() - sent);
					}
					else {
						this.errors++;
					}
				}
				catch (Exception ex) {
					this.errors++;
				}
			}
		}

	}

	private record Phase(Latencies latencies, long errors, long elapsedNanos, long outboxWritten, long maxBacklog,
			long backlogAtEnd, long drainMillis, long kafkaPublished, String loadAverage) {

		String row(int concurrency) {
			double seconds = this.elapsedNanos / 1e9;
			return String.format(Locale.ROOT,
					"| %d | %d | %d | %.0f | %s | %s | %s | %s | %d | %d | %d | %d | %d | %s |", concurrency,
					this.latencies.count(), this.errors, this.latencies.count() / seconds,
					Latencies.format(this.latencies.millis(50)), Latencies.format(this.latencies.millis(90)),
					Latencies.format(this.latencies.millis(99)), Latencies.format(this.latencies.maxMillis()),
					this.outboxWritten, this.maxBacklog, this.backlogAtEnd, this.drainMillis, this.kafkaPublished,
					this.loadAverage);
		}

	}

}
