package dev.coursehub.analytics.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import dev.coursehub.analytics.figures.Dashboard;
import dev.coursehub.analytics.figures.Growth;
import dev.coursehub.analytics.figures.LessonFigure;
import dev.coursehub.analytics.figures.StreamFigure;
import dev.coursehub.analytics.rebuild.RebuildJob;

import static org.awaitility.Awaitility.await;

/**
 * Rebuild time for a large event history (docs/benchmarks/analytics.md): a realistic
 * history ({@link EventHistory}, default one million records, duplicates included) is
 * produced straight to the topic with a plain producer, then {@code POST /rebuild} over
 * HTTP, timed until the job is done; the rebuilt figures must equal the ones the history
 * was generated to end in. The live listener is not started, as if it had caught up
 * before the history was replayed: the rebuild has the machine to itself. Run with
 * {@code BENCHMARK_MAIN=RebuildBenchmark analytics-service/src/test/benchmark/run-benchmark.sh}.
 */
public final class RebuildBenchmark {

	private static final String TOPIC = "bench-rebuild.events";

	private RebuildBenchmark() {
	}

	public static void main(String[] args) {
		int status = 1;
		try {
			run(Long.getLong("benchmark.rebuildEvents", 1_000_000));
			status = 0;
		}
		catch (Throwable ex) {
			ex.printStackTrace();
		}
		// the test kit's embedded broker and PostgreSQL stop when this JVM exits
		System.exit(status);
	}

	private static void run(long records) throws Exception {
		StringBuilder report = new StringBuilder();
		ConfigurableApplicationContext app = BenchmarkApp.start(TOPIC, "--spring.kafka.listener.auto-startup=false");
		try (EventHistory history = new EventHistory(BenchmarkApp.kafka(), TOPIC)) {
			line(report,
					"start " + Instant.now() + ", load " + BenchmarkApp.loadAverage() + ", cores "
							+ Runtime.getRuntime().availableProcessors() + ", max heap "
							+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, rebuild batch "
							+ app.getEnvironment().getProperty("coursehub.analytics.rebuild.batch-size"));
			long start = System.nanoTime();
			history.produce(records);
			double seconds = (System.nanoTime() - start) / 1e9;
			line(report, String.format("produced %d records (%d of them sent twice) in %.1f s; load %s", history.sent(),
					history.duplicates(), seconds, BenchmarkApp.loadAverage()));
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			WebClient client = WebClient.builder()
				.baseUrl("http://127.0.0.1:" + port)
				.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
				.build();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			long heapBefore = memory.getHeapMemoryUsage().getUsed();
			RebuildJob job = client.post().uri("/rebuild").retrieve().bodyToMono(RebuildJob.class).block();
			long[] heapMax = { 0 };
			double[] loadMax = { 0 };
			await().atMost(Duration.ofMinutes(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				heapMax[0] = Math.max(heapMax[0], memory.getHeapMemoryUsage().getUsed());
				loadMax[0] = Math.max(loadMax[0], Double.parseDouble(BenchmarkApp.loadAverage()));
				return !"running".equals(client.get()
					.uri("/rebuild/" + job.id())
					.retrieve()
					.bodyToMono(RebuildJob.class)
					.block()
					.state());
			});
			RebuildJob done = client.get().uri("/rebuild/" + job.id()).retrieve().bodyToMono(RebuildJob.class).block();
			double rebuild = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
			line(report,
					String.format(
							"rebuild: %s, %d records read in %.1f s = %.0f records/s; heap used before %d MiB, "
									+ "max sampled during %d MiB; load at end %s, max sampled %.1f",
							done.state(), done.eventsRead(), rebuild, done.eventsRead() / rebuild,
							heapBefore / (1024 * 1024), heapMax[0] / (1024 * 1024), BenchmarkApp.loadAverage(),
							loadMax[0]));
			Map<String, String> actual = figures(client);
			Map<String, String> expected = history.expected();
			line(report, "figures equal the history's: " + expected.equals(actual) + " (" + expected.size()
					+ " figures compared)");
			line(report, "expected " + expected.get("dashboard"));
			line(report, "rebuilt  " + actual.get("dashboard"));
			if (!expected.equals(actual)) {
				expected.forEach((key, value) -> {
					if (!value.equals(actual.get(key))) {
						line(report, "differs: " + key + ": expected " + value + ", rebuilt " + actual.get(key));
					}
				});
			}
			line(report, "end " + Instant.now() + ", load " + BenchmarkApp.loadAverage());
		}
		finally {
			BenchmarkApp.write("rebuild.txt", report);
			app.close();
		}
	}

	/** The service's figures as the lines {@link EventHistory#expected()} gives. */
	private static Map<String, String> figures(WebClient client) {
		Map<String, String> figures = new TreeMap<>();
		Dashboard d = client.get().uri("/dashboard").retrieve().bodyToMono(Dashboard.class).block();
		figures.put("dashboard", String.format(
				"users %d, never confirmed %d, registrations %d, bookings %d (pending %d, "
						+ "confirmed %d, cancelled %d)",
				d.users(), d.neverConfirmed(), d.registrations(), d.bookings().total(), d.bookings().pending(),
				d.bookings().confirmed(), d.bookings().cancelled()));
		for (int course = 1; course <= 20; course++) {
			client.get()
				.uri("/streams?courseId=" + course)
				.retrieve()
				.bodyToFlux(StreamFigure.class)
				.toIterable()
				.forEach((f) -> figures.put("stream " + f.courseId() + " " + f.stream(),
						String.format("total %d, pending %d, confirmed %d, cancelled %d", f.total(), f.pending(),
								f.confirmed(), f.cancelled())));
		}
		client.get()
			.uri("/lessons")
			.retrieve()
			.bodyToFlux(LessonFigure.class)
			.toIterable()
			.forEach((f) -> figures.put("lesson " + f.lessonType(), f.registrations() + " " + f.attendances()));
		// every user appeared inside the history's days: the last day's total is all
		// users
		LocalDate from = LocalDate.ofInstant(EventHistory.START, ZoneOffset.UTC);
		Growth growth = client.get()
			.uri("/users/growth?from={f}&to={t}&timeZone=UTC", from, from.plusDays(EventHistory.DAYS))
			.retrieve()
			.bodyToMono(Growth.class)
			.block();
		figures.put("growth: users at the end",
				String.valueOf(growth.days().get(growth.days().size() - 1).totalUsers()));
		return figures;
	}

	private static void line(StringBuilder report, String line) {
		System.out.println("BENCHMARK " + line);
		report.append(line).append('\n');
	}

}
