package dev.coursehub.messaging.delivery;

import java.io.IOException;
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
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.coursehub.messaging.ServiceProcess;
import dev.coursehub.telegramsandbox.TelegramSandbox;
import dev.coursehub.testkit.TestDatabase;

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

	final TelegramSandbox sandbox = TelegramSandbox.start(LIMIT + 5);

	final TestDatabase database = TestDatabase.create("messaging_killed");

	final List<ServiceProcess> services = new ArrayList<>();

	@AfterEach
	void stop() {
		this.services.forEach(ServiceProcess::close);
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
		ServiceProcess first = start("first");
		insertRecipients(users);
		JsonNode created = first.post("/broadcasts", "{\"text\":\"Lesson 5 is online\",\"target\":{\"kind\":\"all\"}}",
				201);
		assertThat(created.path("totalRecipients").asInt()).isEqualTo(RECIPIENTS);
		long broadcast = created.path("id").asLong();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sandbox.received().size() >= RECIPIENTS / 4);

		assertThat(first.kill()).as("exit status of a process killed by SIGKILL").isEqualTo(128 + 9);
		// what the dead process wrote before it died has arrived once nothing more comes
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(new Stable(this.sandbox::requests));
		Map<Long, Integer> receivedBeforeRestart = receivedCounts();
		assertThat(receivedBeforeRestart.size()).isLessThan(RECIPIENTS);
		assertThat(statusCounts(broadcast)).containsKey("sending");

		ServiceProcess second = start("second");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "completed".equals(second.get("/broadcasts/" + broadcast).path("state").asString()));

		Map<String, Long> counts = statusCounts(broadcast);
		assertThat(counts.keySet()).as("statuses at the end").containsOnly("sent", "failed", "unknown");
		assertThat(counts.get("failed")).as("blocked users").isEqualTo(BLOCKED);
		assertThat(counts.get("unknown")).as("sends in flight at the kill").isBetween(1L, (long) CONCURRENCY);
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECIPIENTS);
		JsonNode shown = second.get("/broadcasts/" + broadcast).path("counts");
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

	private ServiceProcess start(String name) throws IOException {
		ServiceProcess service = ServiceProcess.start(name + "-" + this.database.name(), this.database,
				Map.of("TELEGRAM_API_URL", this.sandbox.url(), "TELEGRAM_BOT_TOKEN", TelegramSandbox.TOKEN,
						"TELEGRAM_GLOBAL_PER_SECOND", String.valueOf(LIMIT), "TELEGRAM_TIMEOUT", "3s", "DELIVERY_LEASE",
						"6s", "DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY), "DELIVERY_POLL_INTERVAL", "100ms"),
				"-Xmx256m", "-XX:TieredStopAtLevel=1");
		this.services.add(service);
		return service;
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
