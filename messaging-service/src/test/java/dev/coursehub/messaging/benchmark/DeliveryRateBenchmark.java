package dev.coursehub.messaging.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.coursehub.messaging.ServiceProcess;
import dev.coursehub.telegramsandbox.TelegramSandbox;
import dev.coursehub.testkit.TestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * Sustained sends per second of one messaging-service process against the sandbox, both
 * at the same limit L: achieved rate / L, limit violations the sandbox saw, and the
 * service's heap during the run (read from its Prometheus endpoint, so neither the
 * sandbox nor this test is in it). The service and the sandbox each run in a JVM of their
 * own. Named {@code *Benchmark}: neither Surefire nor Failsafe runs it unless asked
 * ({@code -Dtest=DeliveryRateBenchmark -Dbenchmark.recipients=100000 -Dbenchmark.limit=150}).
 */
class DeliveryRateBenchmark {

	static final int RECIPIENTS = Integer.getInteger("benchmark.recipients", 3000);

	static final int LIMIT = Integer.getInteger("benchmark.limit", 150);

	static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 3000);

	static final String CONCURRENCY = System.getProperty("benchmark.concurrency", "128");

	/**
	 * The sandbox stands for Telegram's servers, which do not share the service's CPUs:
	 * it runs at a higher scheduling priority, so that it reads requests when they
	 * arrive.
	 */
	static final int SANDBOX_NICE = Integer.getInteger("benchmark.sandboxNice", -10);

	/**
	 * And it stamps arrivals on a collector whose pauses stay under a millisecond: a
	 * pause of G1 past the guard stamped the requests that came during it at once, and
	 * the second after it crowded.
	 */
	static final String SANDBOX_JVM = System.getProperty("benchmark.sandboxJvm", "-Xmx512m -XX:+UseZGC");

	static final String SERVICE_JVM = System.getProperty("benchmark.serviceJvm", "-Xms512m -Xmx512m");

	/**
	 * GC and safepoint logs of both JVMs, to lay beside the sandbox's crowded seconds.
	 */
	static final Path LOGS = Path.of("target", "benchmark");

	@Test
	void sustainedRate() throws Exception {
		TestDatabase database = TestDatabase.create("messaging_benchmark");
		Files.createDirectories(LOGS);
		List<String> serviceJvm = new ArrayList<>(List.of(SERVICE_JVM.split(" ")));
		serviceJvm.add(gcLog("service"));
		List<String> sandboxJvm = new ArrayList<>(List.of(SANDBOX_JVM.split(" ")));
		sandboxJvm.add(gcLog("sandbox"));
		try (SandboxProcess sandbox = SandboxProcess.start(LIMIT, SANDBOX_NICE, sandboxJvm.toArray(String[]::new));
				ServiceProcess service = ServiceProcess.start("benchmark-" + database.name(), database,
						Map.of("TELEGRAM_API_URL", sandbox.url(), "TELEGRAM_BOT_TOKEN", TelegramSandbox.TOKEN,
								"TELEGRAM_GLOBAL_PER_SECOND", String.valueOf(LIMIT), "DELIVERY_CONCURRENCY",
								CONCURRENCY, "DELIVERY_BATCH_SIZE", "100", "DELIVERY_POLL_INTERVAL", "100ms"),
						serviceJvm.toArray(String[]::new));
				WireCapture wire = WireCapture.start(URI.create(sandbox.url()).getPort())) {
			// a warm-up broadcast, so that both JVMs have compiled their paths before the
			// measured one; its recipients are then unreachable and left out of "all"
			execute(database, "INSERT INTO recipient (user_id) SELECT g FROM generate_series(" + (RECIPIENTS + 1) + ", "
					+ (RECIPIENTS + WARM_UP) + ") g");
			awaitCompleted(service, create(service, "Warm-up"), WARM_UP);
			execute(database, "UPDATE recipient SET reachable = false");
			execute(database, "INSERT INTO recipient (user_id) SELECT g FROM generate_series(1, " + RECIPIENTS + ") g");
			sandbox.reset();
			wire.reset();
			String load = loadAverage();
			long id = create(service, "Benchmark");
			List<long[]> heap = new ArrayList<>();
			ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			sampler.scheduleAtFixedRate(() -> sample(service, id, heap), 0, 5, TimeUnit.SECONDS);
			awaitCompleted(service, id, RECIPIENTS);
			sampler.shutdownNow();
			JsonNode counts = service.get("/broadcasts/" + id).path("counts");

			JsonNode figures = sandbox.report();
			double seconds = figures.path("arrivalSpanNanos").asLong() / 1e9;
			double rate = (RECIPIENTS - 1) / seconds;
			long[] used;
			synchronized (heap) {
				used = heap.stream().mapToLong((sample) -> sample[0]).toArray();
			}
			System.out.printf("BENCHMARK recipients=%d limit=%d span=%.1fs rate=%.2f/s rate/limit=%.3f "
					+ "maxInOneSecond=%d violations=%d requests=%d chatsReceived=%d chatsTwice=%d counts=%s "
					+ "heapUsedMiB(min/max/last)=%d/%d/%d oldGenMiB(each tenth, last)=%s loadBefore=%s loadAfter=%s "
					+ "sandboxNice=%d sandboxJvm=%s%n", RECIPIENTS, LIMIT, seconds, rate, rate / LIMIT,
					figures.path("maxPerSecond").asInt(), figures.path("violations").asLong(),
					figures.path("requests").asLong(), figures.path("chats").asLong(),
					figures.path("chatsTwice").asLong(), counts, mib(Arrays.stream(used).min().orElse(0)),
					mib(Arrays.stream(used).max().orElse(0)), mib((used.length > 0) ? used[used.length - 1] : 0),
					liveTrend(heap), load, loadAverage(), SANDBOX_NICE, SANDBOX_JVM);
			System.out.println("WIRE " + wire.summary(LIMIT));
			System.out.println("LATENESS " + lateness(service));
			System.out.println("CROWDED " + figures.path("crowded") + " (GC logs: " + LOGS.toAbsolutePath() + ")");
		}
	}

	private static String gcLog(String name) {
		return "-Xlog:gc*,safepoint:file=" + LOGS.resolve(name + "-gc.log").toAbsolutePath()
				+ ":time,uptime,level,tags";
	}

	/**
	 * How late after their slots the service's sends were written (the cumulative
	 * histogram buckets, 1 ms to 1 s), and the slots left unused by reason, from its
	 * Prometheus endpoint.
	 */
	private static String lateness(ServiceProcess service) throws IOException, InterruptedException {
		return meters(service.getText("/actuator/prometheus"), "coursehub_telegram_send_lateness_seconds_bucket",
				"coursehub_telegram_send_lateness_seconds_count", "coursehub_telegram_slots_unused_total")
			.replaceAll("_seconds|_total|coursehub_telegram_", "")
			.trim();
	}

	/**
	 * The Prometheus lines of the meters named, each with its {@code le} or
	 * {@code reason} tag as {@code [value]} and its other tags left out, one after the
	 * other.
	 */
	private static String meters(String prometheus, String... names) {
		StringBuilder meters = new StringBuilder();
		for (String line : prometheus.split("\n")) {
			for (String name : names) {
				if (line.startsWith(name)) {
					meters.append(' ').append(line.replaceAll("\\{.*(le|reason)=\"([^\"]+)\".*\\}", "[$2]"));
				}
			}
		}
		return meters.toString();
	}

	private static long create(ServiceProcess service, String text) throws Exception {
		return service.post("/broadcasts", "{\"text\":\"" + text + "\",\"target\":{\"kind\":\"all\"}}", 201)
			.path("id")
			.asLong();
	}

	private static void awaitCompleted(ServiceProcess service, long id, int recipients) {
		await().atMost(Duration.ofSeconds(recipients / LIMIT * 2L + 120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> "completed".equals(service.get("/broadcasts/" + id).path("state").asString()));
	}

	private static void execute(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Heap used and its old generation (what survived young collections: it would grow if
	 * the service kept recipients), from the service's Prometheus endpoint, with the
	 * limiter's counters.
	 */
	private static void sample(ServiceProcess service, long broadcast, List<long[]> heap) {
		try {
			long used = 0;
			long live = 0;
			String prometheus = service.getText("/actuator/prometheus");
			for (String line : prometheus.split("\n")) {
				if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
					used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
				if (line.startsWith("jvm_memory_used_bytes{") && line.contains("Old Gen")) {
					live = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			synchronized (heap) {
				heap.add(new long[] { used, live });
			}
			System.out.printf("SAMPLE sent=%d heapUsedMiB=%d oldGenMiB=%d load=%s%s%n",
					service.get("/broadcasts/" + broadcast).path("counts").path("sent").asLong(), mib(used), mib(live),
					loadAverage(),
					meters(prometheus, "coursehub_telegram_slots_unused_total",
							"coursehub_telegram_limiter_wait_seconds_sum",
							"coursehub_telegram_limiter_wait_seconds_count"));
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			System.out.println("SAMPLE failed: " + ex);
		}
	}

	/** The old generation at each tenth of the run, and at its end. */
	private static String liveTrend(List<long[]> heap) {
		synchronized (heap) {
			List<String> points = new ArrayList<>();
			for (int i = 0; i < 10 && !heap.isEmpty(); i++) {
				points.add(String.valueOf(mib(heap.get(i * heap.size() / 10)[1])));
			}
			points.add(String.valueOf(mib(heap.isEmpty() ? 0 : heap.get(heap.size() - 1)[1])));
			return String.join("/", points);
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static long mib(long bytes) {
		return bytes / (1024 * 1024);
	}

}
