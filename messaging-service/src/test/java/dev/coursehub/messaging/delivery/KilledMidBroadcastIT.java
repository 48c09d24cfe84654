package dev.coursehub.messaging.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.coursehub.messaging.MessagingServiceApplication;
import dev.coursehub.messaging.telegram.TelegramSandbox;
import dev.coursehub.testkit.TestDatabase;
import dev.coursehub.testkit.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * messaging-service as a real process killed with SIGKILL in the middle of a broadcast,
 * while Telegram (the sandbox, in this JVM) answers slowly, so that calls are on the wire
 * when the process dies; a new process finishes the broadcast. Nobody is sent twice,
 * nobody is left pending, and only the sends in flight at the kill end {@code unknown}.
 */
class KilledMidBroadcastIT {

	static final int RECIPIENTS = 300;

	static final int BLOCKED = 5;

	static final int LIMIT = 50;

	static final int CONCURRENCY = 16;

	static final Path LOGS = Path.of("target", "killed-mid-broadcast");

	static final JsonMapper json = JsonMapper.builder().build();

	final TelegramSandbox sandbox = TelegramSandbox.start(LIMIT + 5);

	final TestDatabase database = TestDatabase.create("messaging_killed");

	final HttpClient http = HttpClient.newHttpClient();

	final List<Process> processes = new ArrayList<>();

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		this.sandbox.close();
	}

	@Test
	void aServiceKilledDuringSendsLeavesOnlyItsCallsInFlightUnknownAndTheNextOneSendsEveryoneElseOnce()
			throws Exception {
		// answers take long enough that every send is on the wire for a while
		this.sandbox.respondAfter(Duration.ofMillis(400));
		long[] users = LongStream.rangeClosed(1, RECIPIENTS).map((i) -> 7_000_000 + i).toArray();
		for (int i = 0; i < BLOCKED; i++) {
			this.sandbox.block(users[i * 50]);
		}
		URI first = start("first");
		insertRecipients(users);
		long broadcast = createBroadcast(first);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sandbox.received().size() >= RECIPIENTS / 4);

		Process killed = this.processes.get(0);
		killed.destroyForcibly();
		assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(killed.exitValue()).as("exit status of a process killed by SIGKILL").isEqualTo(128 + 9);
		// what the dead process wrote before it died has arrived once nothing more comes
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(new Stable(this.sandbox::requests));
		Map<Long, Integer> receivedBeforeRestart = receivedCounts();
		assertThat(receivedBeforeRestart.size()).isLessThan(RECIPIENTS);
		assertThat(statusCounts(broadcast)).containsKey("sending");

		URI second = start("second");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "completed".equals(get(second, "/broadcasts/" + broadcast).path("state").asString()));

		Map<String, Long> counts = statusCounts(broadcast);
		assertThat(counts.keySet()).as("statuses at the end").containsOnly("sent", "failed", "unknown");
		assertThat(counts.get("failed")).as("blocked users").isEqualTo(BLOCKED);
		assertThat(counts.get("unknown")).as("sends in flight at the kill").isBetween(1L, (long) CONCURRENCY);
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECIPIENTS);
		JsonNode shown = get(second, "/broadcasts/" + broadcast).path("counts");
		assertThat(shown.path("unknown").asLong()).isEqualTo(counts.get("unknown"));
		assertThat(shown.path("sent").asLong()).isEqualTo(counts.get("sent"));
		assertThat(shown.path("pending").asLong() + shown.path("sending").asLong()).isZero();

		Map<Long, String> statuses = statuses(broadcast);
		Map<Long, Integer> received = receivedCounts();
		for (long user : users) {
			int times = received.getOrDefault(user, 0);
			assertThat(times).as("messages to " + user).isLessThanOrEqualTo(1);
			if (!"unknown".equals(statuses.get(user))) {
				assertThat(times).as("messages to " + statuses.get(user) + " " + user).isEqualTo(1);
			}
			else {
				assertThat(times).as("an unknown recipient is never sent again: " + user)
					.isEqualTo(receivedBeforeRestart.getOrDefault(user, 0));
			}
		}
		assertThat(this.sandbox.violations()).as("sends over the sandbox's limits").isZero();
	}

	/**
	 * Starts messaging-service in a JVM of its own, on this test's classpath, configured
	 * through its environment as in production, and waits until it is ready.
	 */
	private URI start(String name) throws IOException {
		Files.createDirectories(LOGS);
		int port = freePort();
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				MessagingServiceApplication.class.getName());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(LOGS.resolve(name + ".log").toFile());
		Map<String, String> env = builder.environment();
		env.put("DB_HOST", TestServers.postgres().host());
		env.put("DB_PORT", String.valueOf(TestServers.postgres().port()));
		env.put("DB_NAME", this.database.name());
		env.put("DB_USER", this.database.username());
		env.put("DB_PASSWORD", this.database.password());
		env.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers());
		env.put("KAFKA_GROUP_ID", this.database.name());
		env.put("MESSAGING_EVENTS_TOPIC", this.database.name() + ".messaging.events");
		env.put("BOOKING_EVENTS_TOPIC", this.database.name() + ".booking.events");
		env.put("PORT", String.valueOf(port));
		env.put("TELEGRAM_API_URL", this.sandbox.url());
		env.put("TELEGRAM_BOT_TOKEN", TelegramSandbox.TOKEN);
		env.put("TELEGRAM_GLOBAL_PER_SECOND", String.valueOf(LIMIT));
		env.put("TELEGRAM_TIMEOUT", "3s");
		env.put("DELIVERY_LEASE", "6s");
		env.put("DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY));
		env.put("DELIVERY_POLL_INTERVAL", "100ms");
		Process process = builder.start();
		this.processes.add(process);
		URI base = URI.create("http://127.0.0.1:" + port);
		HttpRequest readiness = HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build();
		await(name + " messaging-service ready").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				assertThat(process.isAlive()).as(name + " exited, see " + LOGS.resolve(name + ".log")).isTrue();
				return this.http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			});
		return base;
	}

	private long createBroadcast(URI base) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/broadcasts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"text\":\"Lesson 5 is online\",\"target\":{\"kind\":\"all\"}}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode created = json.readTree(response.body());
		assertThat(created.path("totalRecipients").asInt()).isEqualTo(RECIPIENTS);
		return created.path("id").asLong();
	}

	private JsonNode get(URI base, String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private Map<Long, Integer> receivedCounts() {
		Map<Long, Integer> counts = new HashMap<>();
		this.sandbox.received().forEach((chat, texts) -> counts.put(chat, texts.size()));
		return counts;
	}

	private void insertRecipients(long[] users) throws SQLException {
		try (Connection connection = jdbc();
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO recipient (user_id, first_name) VALUES (?, 'Test')")) {
			for (long user : users) {
				insert.setLong(1, user);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	private Map<String, Long> statusCounts(long broadcast) throws SQLException {
		Map<String, Long> counts = new HashMap<>();
		try (Connection connection = jdbc();
				PreparedStatement query = connection.prepareStatement(
						"SELECT status, count(*) FROM broadcast_recipient WHERE broadcast_id = ? GROUP BY status")) {
			query.setLong(1, broadcast);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					counts.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		return counts;
	}

	private Map<Long, String> statuses(long broadcast) throws SQLException {
		Map<Long, String> statuses = new HashMap<>();
		try (Connection connection = jdbc();
				PreparedStatement query = connection
					.prepareStatement("SELECT user_id, status FROM broadcast_recipient WHERE broadcast_id = ?")) {
			query.setLong(1, broadcast);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					statuses.put(rows.getLong(1), rows.getString(2));
				}
			}
		}
		return statuses;
	}

	private Connection jdbc() throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(), this.database.password());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** True once the value is the same as at the previous look. */
	private static final class Stable implements java.util.concurrent.Callable<Boolean> {

		private final java.util.function.LongSupplier value;

		private long last = -1;

		Stable(java.util.function.LongSupplier value) {
			this.value = value;
		}

		@Override
		public Boolean call() {
			long now = this.value.getAsLong();
			boolean same = now == this.last;
			this.last = now;
			return same;
		}

	}

}
