package dev.coursehub.analytics.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.coursehub.analytics.rebuild.RebuildJob;
import dev.coursehub.analytics.rebuild.RebuildService;

import static org.awaitility.Awaitility.await;

/**
 * analytics-service measured end to end against the test kit's PostgreSQL and Kafka, the
 * service running in this JVM (docs/benchmarks/analytics.md): event-to-readable latency
 * at a steady load, events applied per second from a backlog, rebuild time, and the
 * stream figures' read latency at a million bookings next to the legacy GROUP BY over the
 * same rows. Run with {@code analytics-service/src/test/benchmark/run-benchmark.sh}.
 */
public final class AnalyticsBenchmark {

	private static final String TOPIC = "bench.events";

	private final ConfigurableApplicationContext app;

	private final MeterRegistry registry;

	private final DatabaseClient db;

	private final StringBuilder report = new StringBuilder();

	private AnalyticsBenchmark(ConfigurableApplicationContext app) {
		this.app = app;
		this.registry = app.getBean(MeterRegistry.class);
		this.db = app.getBean(DatabaseClient.class);
	}

	public static void main(String[] args) {
		int status = 1;
		try {
			run();
			status = 0;
		}
		catch (Throwable ex) {
			ex.printStackTrace();
		}
		// the test kit's embedded broker and PostgreSQL stop when this JVM exits
		System.exit(status);
	}

	private static void run() throws Exception {
		int rate = Integer.getInteger("benchmark.rate", 50);
		int steadySeconds = Integer.getInteger("benchmark.steadySeconds", 60);
		int backlogBookings = Integer.getInteger("benchmark.backlogBookings", 20_000);
		int readBookings = Integer.getInteger("benchmark.readBookings", 1_000_000);
		int reads = Integer.getInteger("benchmark.reads", 50);
		String kafka = BenchmarkApp.kafka();
		ConfigurableApplicationContext app = BenchmarkApp.start(TOPIC);
		AnalyticsBenchmark benchmark = new AnalyticsBenchmark(app);
		try (BenchmarkEvents events = new BenchmarkEvents(kafka, TOPIC, 1)) {
			benchmark.line("start " + Instant.now() + ", load " + loadAverage() + ", cores "
					+ Runtime.getRuntime().availableProcessors());
			benchmark.steadyLoad(events, rate, steadySeconds);
			benchmark.backlog(events, backlogBookings);
			benchmark.rebuild();
			benchmark.reads(readBookings, reads);
			benchmark.line("end " + Instant.now() + ", load " + loadAverage());
		}
		finally {
			BenchmarkApp.write("analytics.txt", benchmark.report);
			app.close();
		}
	}

	/** Events at a steady rate; the freshness timer gives event → readable p50 / p99. */
	private void steadyLoad(BenchmarkEvents events, int bookingsPerSecond, int seconds) {
		long start = System.nanoTime();
		long sent = 0;
		long bookings = 0;
		while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
			long due = (System.nanoTime() - start) * bookingsPerSecond / 1_000_000_000L;
			if (bookings < due) {
				sent += events.booking();
				bookings++;
			}
			else {
				LockSupport.parkNanos(1_000_000);
			}
		}
		events.flush();
		long expected = sent;
		await().atMost(Duration.ofMinutes(5)).until(() -> applied() >= expected);
		Timer freshness = this.registry.get("coursehub.analytics.event.freshness").timer();
		StringBuilder percentiles = new StringBuilder();
		for (ValueAtPercentile value : freshness.takeSnapshot().percentileValues()) {
			percentiles
				.append(String.format(" p%.0f %.1f ms", value.percentile() * 100, value.value(TimeUnit.MILLISECONDS)));
		}
		line(String.format(
				"steady load: %d bookings/s, %d events in %d s (%.1f events/s); event -> readable:%s, "
						+ "mean %.1f ms, max %.1f ms; load %s",
				bookingsPerSecond, sent, seconds, sent / (double) seconds, percentiles,
				freshness.mean(TimeUnit.MILLISECONDS), freshness.max(TimeUnit.MILLISECONDS), loadAverage()));
	}

	/**
	 * A backlog produced while the listener is stopped, then applied as fast as it goes.
	 */
	private void backlog(BenchmarkEvents events, int bookings) {
		MessageListenerContainer container = this.app.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("analytics-events");
		container.stop();
		long before = applied();
		long sent = 0;
		for (int i = 0; i < bookings; i++) {
			sent += events.booking();
		}
		events.flush();
		long expected = before + sent;
		long start = System.nanoTime();
		container.start();
		await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100)).until(() -> applied() >= expected);
		double seconds = (System.nanoTime() - start) / 1e9;
		line(String.format("backlog: %d events applied in %.1f s = %.0f events/s (one listener thread); load %s", sent,
				seconds, sent / seconds, loadAverage()));
	}

	private void rebuild() {
		RebuildService rebuilds = this.app.getBean(RebuildService.class);
		RebuildJob job = rebuilds.start().block();
		await().atMost(Duration.ofMinutes(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !"running".equals(rebuilds.job(job.id()).block().state()));
		RebuildJob done = rebuilds.job(job.id()).block();
		double seconds = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
		line(String.format("rebuild: %s, %d events in %.1f s = %.0f events/s (batch %s); load %s", done.state(),
				done.eventsRead(), seconds, done.eventsRead() / seconds,
				this.app.getEnvironment().getProperty("coursehub.analytics.rebuild.batch-size"), loadAverage()));
	}

	/**
	 * A million bookings in a legacy table and the same bookings as this service's state
	 * and figures (course 1000, loaded by SQL: replaying a million events is the
	 * rebuild's measurement), then the stream figures read through the API next to the
	 * legacy query.
	 */
	private void reads(int bookings, int reads) throws Exception {
		for (String sql : List.of("CREATE SCHEMA legacy",
				"CREATE TABLE legacy.bookings (id integer PRIMARY KEY, user_id bigint, course_id integer, "
						+ "course_stream text, confirmed integer, created_at timestamptz)",
				"INSERT INTO legacy.bookings SELECT g, 1 + g % 200000, 1, "
						+ "(ARRAY['3rd_stream','4th_stream','5th_stream','6th_stream','7th_stream'])[1 + g % 5], "
						+ "(ARRAY[1, 2, 2, -1])[1 + (g * 7) % 4], now() FROM generate_series(1, " + bookings + ") g",
				"ANALYZE legacy.bookings",
				"INSERT INTO booking_state SELECT (SELECT id FROM generation WHERE state = 'current'), 100000000 + id, "
						+ "user_id, 1000, course_stream, CASE confirmed WHEN 2 THEN 'confirmed' WHEN 1 THEN 'pending' "
						+ "ELSE 'cancelled' END, 1 FROM legacy.bookings",
				"INSERT INTO stream_figure SELECT (SELECT id FROM generation WHERE state = 'current'), 1000, "
						+ "course_stream, count(*), count(*) FILTER (WHERE confirmed = 2), "
						+ "count(*) FILTER (WHERE confirmed = 1), count(*) FILTER (WHERE confirmed = -1) "
						+ "FROM legacy.bookings GROUP BY course_stream",
				"ANALYZE")) {
			this.db.sql(sql).then().block(Duration.ofMinutes(10));
		}
		String legacySql = "SELECT course_id, course_stream, COUNT(*) as total, "
				+ "SUM(CASE WHEN confirmed = 2 THEN 1 ELSE 0 END) as confirmed, "
				+ "SUM(CASE WHEN confirmed = 1 THEN 1 ELSE 0 END) as pending, "
				+ "SUM(CASE WHEN confirmed = -1 THEN 1 ELSE 0 END) as cancelled "
				+ "FROM legacy.bookings WHERE course_id = 1 AND course_stream IS NOT NULL GROUP BY course_id, course_stream";
		int port = Integer.parseInt(this.app.getEnvironment().getProperty("local.server.port"));
		WebClient client = WebClient.create("http://127.0.0.1:" + port);
		String api = Latencies.measure(20, reads,
				() -> client.get().uri("/streams?courseId=1000").retrieve().bodyToMono(String.class).block());
		String legacy = Latencies.measure(3, reads, () -> this.db.sql(legacySql).fetch().all().collectList().block());
		this.db.sql(
				"CREATE INDEX bookings_course_stream_confirmed ON legacy.bookings (course_id, course_stream, confirmed)")
			.then()
			.block(Duration.ofMinutes(10));
		this.db.sql("VACUUM ANALYZE legacy.bookings").then().block(Duration.ofMinutes(10));
		String indexed = Latencies.measure(3, reads, () -> this.db.sql(legacySql).fetch().all().collectList().block());
		line(String.format(
				"reads at %d bookings: GET /streams (HTTP, figures) %s; legacy GROUP BY (SQL only) %s; "
						+ "legacy GROUP BY with the seed's recommended index %s; load %s",
				bookings, api, legacy, indexed, loadAverage()));
		line("figures: " + client.get().uri("/streams?courseId=1000").retrieve().bodyToMono(String.class).block());
		line("legacy:  " + this.db.sql(legacySql + " ORDER BY course_stream").fetch().all().collectList().block());
	}

	private long applied() {
		return (long) this.registry.find("coursehub.analytics.events.applied")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private void line(String line) {
		System.out.println("BENCHMARK " + line);
		this.report.append(line).append('\n');
	}

	private static String loadAverage() {
		return BenchmarkApp.loadAverage();
	}

}
