package dev.coursehub.booking.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enrollments per second through the packaged booking-service
 * ({@code POST /me/enrollments} for new, distinct users; closed loop at fixed
 * concurrency) on one hot session and spread over 100 sessions, next to the ceiling of
 * the same SQL transaction (user upsert, conditional seat update, enrollment insert,
 * outbox insert) run by pgbench against the same PostgreSQL in the same run, and the
 * ratio.
 * <p>
 * System properties: {@code benchmark.levels} (default {@code 16,64}),
 * {@code benchmark.seconds} per measurement (15), {@code benchmark.warmupSeconds} (15),
 * {@code benchmark.pgbench} (the pgbench binary, default {@code pgbench}).
 */
public final class WorkshopEnrollmentBenchmark {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection");

	private static final int SPREAD = 100;

	private static final String PGBENCH_SCRIPT = """
			\\set user random(1000000000, 8999999999)
			\\set session random(:lo, :hi)
			BEGIN;
			INSERT INTO app_user (id, first_seen_at, updated_at) VALUES (:user, now(), now()) ON CONFLICT (id) DO NOTHING;
			UPDATE workshop_session SET seats_taken = seats_taken + 1, version = version + 1 WHERE id = :session AND seats_taken < capacity AND status <> 'cancelled' AND starts_at > now() RETURNING run_id, workshop_id, capacity, seats_taken, version \\gset
			INSERT INTO enrollment (session_id, run_id, workshop_id, user_id) VALUES (:session, :run_id, :workshop_id, :user) ON CONFLICT (session_id, user_id) WHERE status = 'active' DO NOTHING;
			INSERT INTO outbox_event (event_id, event_type, topic, aggregate_type, aggregate_id, aggregate_version, occurred_at, payload) VALUES (gen_random_uuid(), 'enrollment.created.v1', 'booking.events', 'session', ':session', :version, now(), jsonb_build_object('eventId', gen_random_uuid(), 'type', 'enrollment.created.v1', 'occurredAt', now(), 'aggregateType', 'session', 'aggregateId', ':session', 'aggregateVersion', :version, 'data', jsonb_build_object('sessionId', :session, 'runId', :run_id, 'workshopId', :workshop_id, 'userId', :user, 'capacity', :capacity, 'seatsTaken', :seats_taken, 'seatsLeft', :capacity - :seats_taken, 'status', 'active')));
			END;
			""";

	private final BenchmarkEnvironment environment;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicLong nextUserId = new AtomicLong(1_000_000_000L);

	private final AtomicLong nextDay = new AtomicLong(400);

	private long workshopId;

	private WorkshopEnrollmentBenchmark(BenchmarkEnvironment environment) {
		this.environment = environment;
	}

	public static void main(String[] args) throws Exception {
		int[] levels = List.of(System.getProperty("benchmark.levels", "16,64").split(","))
			.stream()
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration measured = Duration.ofSeconds(Long.getLong("benchmark.seconds", 15));
		Duration warmup = Duration.ofSeconds(Long.getLong("benchmark.warmupSeconds", 15));
		int status = 0;
		try (BenchmarkEnvironment environment = BenchmarkEnvironment.start("workshop_enrollment")) {
			System.out.println("Environment: " + environment.describe());
			WorkshopEnrollmentBenchmark benchmark = new WorkshopEnrollmentBenchmark(environment);
			benchmark.workshopId = benchmark.workshop();
			long[] spread = benchmark.sessions(SPREAD);
			Path script = BenchmarkEnvironment.OUTPUT.resolve("workshop-enrollment.pgbench");
			Files.writeString(script, PGBENCH_SCRIPT);
			System.out.println("warm-up: " + benchmark.service(levels[levels.length - 1], warmup,
					() -> spread[0] + ThreadLocalRandom.current().nextLong(spread[1] - spread[0] + 1)));
			List<String> rows = new ArrayList<>();
			for (int concurrency : levels) {
				long hot = benchmark.sessions(1)[0];
				Rate service = benchmark.service(concurrency, measured, () -> hot);
				long hotForPgbench = benchmark.sessions(1)[0];
				double pgbench = benchmark.pgbench(script, concurrency, measured, hotForPgbench, hotForPgbench);
				rows.add(row("one hot session", concurrency, service, pgbench));
				System.out.println(rows.get(rows.size() - 1));
				long[] many = benchmark.sessions(SPREAD);
				service = benchmark.service(concurrency, measured,
						() -> many[0] + ThreadLocalRandom.current().nextLong(many[1] - many[0] + 1));
				long[] manyForPgbench = benchmark.sessions(SPREAD);
				pgbench = benchmark.pgbench(script, concurrency, measured, manyForPgbench[0], manyForPgbench[1]);
				rows.add(row(SPREAD + " sessions", concurrency, service, pgbench));
				System.out.println(rows.get(rows.size() - 1));
			}
			String table = "| sessions | concurrency | enrollments | refused / errors | service enrollments/s | "
					+ "p50 ms | p99 ms | pgbench tps (same SQL) | service / pgbench | load avg 1 min |\n"
					+ "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n" + String.join("\n", rows)
					+ "\n";
			Files.writeString(BenchmarkEnvironment.OUTPUT.resolve("workshop-enrollment.md"), table);
			System.out.println(table);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	private static String row(String sessions, int concurrency, Rate service, double pgbench) {
		return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %s | %s | %.0f | %.2f | %s |", sessions,
				concurrency, service.latencies().count(), service.errors(), service.perSecond(),
				Latencies.format(service.latencies().millis(50)), Latencies.format(service.latencies().millis(99)),
				pgbench, service.perSecond() / pgbench, BenchmarkEnvironment.loadAverage());
	}

	private long workshop() throws Exception {
		HttpResponse<String> response = post("/workshops", "{\"title\":\"Benchmark workshop\","
				+ "\"defaultCapacity\":10000,\"instructor\":\"Bench\",\"location\":\"A\"}", null);
		return id(response);
	}

	/**
	 * A new run of {@code count} daily one-hour sessions of 10000 seats: first and last
	 * id.
	 */
	private long[] sessions(int count) throws Exception {
		LocalDate first = LocalDate.now().plusDays(this.nextDay.getAndAdd(count + 1));
		HttpResponse<String> response = post("/workshops/" + this.workshopId + "/runs",
				"{\"name\":\"bench " + first + "\",\"recurrence\":{\"firstDate\":\"" + first
						+ "\",\"startTime\":\"09:00\",\"endTime\":\"10:00\",\"timeZone\":\"UTC\",\"everyDays\":1,"
						+ "\"count\":" + count + "}}",
				null);
		Matcher ids = Pattern.compile("\"sessions\"\\s*:\\s*\\[").matcher(response.body());
		if (response.statusCode() != 201 || !ids.find()) {
			throw new IllegalStateException("POST runs answered " + response.statusCode() + " " + response.body());
		}
		Matcher session = ID.matcher(response.body().substring(ids.end()));
		List<Long> found = new ArrayList<>();
		while (session.find()) {
			found.add(Long.parseLong(session.group(1)));
		}
		long lo = found.stream().mapToLong(Long::longValue).min().orElseThrow();
		long hi = found.stream().mapToLong(Long::longValue).max().orElseThrow();
		if (hi - lo + 1 != count) {
			throw new IllegalStateException("Session ids of a run are not contiguous: " + found);
		}
		return new long[] { lo, hi };
	}

	private Rate service(int concurrency, Duration duration, LongSupplier session) throws Exception {
		List<Worker> workers = new ArrayList<>();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		for (int i = 0; i < concurrency; i++) {
			Worker worker = new Worker(deadline, session);
			workers.add(worker);
			worker.start();
		}
		Latencies latencies = new Latencies();
		long errors = 0;
		for (Worker worker : workers) {
			worker.join();
			latencies.addAll(worker.latencies);
			errors += worker.errors;
		}
		return new Rate(latencies, errors, latencies.count() / ((System.nanoTime() - started) / 1e9));
	}

	private double pgbench(Path script, int concurrency, Duration duration, long lo, long hi)
			throws IOException, InterruptedException {
		Process process = this.environment
			.postgresClient(
					List.of(System.getProperty("benchmark.pgbench", "pgbench"), "-n", "-c", String.valueOf(concurrency),
							"-j", String.valueOf(Math.min(concurrency, 4)), "-T", String.valueOf(duration.toSeconds()),
							"-D", "lo=" + lo, "-D", "hi=" + hi, "-f", script.toAbsolutePath().toString()))
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Files.writeString(BenchmarkEnvironment.OUTPUT.resolve("pgbench-" + concurrency + "-" + lo + ".out"), output);
		Matcher tps = TPS.matcher(output);
		if (process.exitValue() != 0 || !tps.find()) {
			throw new IllegalStateException("pgbench failed: " + output);
		}
		return Double.parseDouble(tps.group(1));
	}

	private HttpResponse<String> post(String path, String json, Long userId) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.environment.uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (userId != null) {
			request.header("X-User-Id", String.valueOf(userId));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long id(HttpResponse<String> response) {
		Matcher matcher = ID.matcher(response.body());
		if (response.statusCode() != 201 || !matcher.find()) {
			throw new IllegalStateException("Answered " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(matcher.group(1));
	}

	/** One closed-loop client: the next request leaves when the previous one answered. */
	private final class Worker extends Thread {

		private final long deadline;

		private final LongSupplier session;

		private final Latencies latencies = new Latencies();

		private long errors;

		Worker(long deadline, LongSupplier session) {
			this.deadline = deadline;
			this.session = session;
		}

		@Override
		public void run() {
			while (System.nanoTime() < this.deadline) {
				long sent = System.nanoTime();
				try {
					HttpResponse<String> response = post("/me/enrollments",
							"{\"sessionId\":" + this.session.getAsLong() + "}",
							WorkshopEnrollmentBenchmark.this.nextUserId.incrementAndGet());
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

	private record Rate(Latencies latencies, long errors, double perSecond) {
	}

}
