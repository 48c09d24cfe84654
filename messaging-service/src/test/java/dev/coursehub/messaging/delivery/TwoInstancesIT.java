package dev.coursehub.messaging.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.messaging.Directory;
import dev.coursehub.messaging.MessagingServiceApplication;
import dev.coursehub.telegramsandbox.TelegramSandbox;
import dev.coursehub.testkit.TestServers;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several messaging-service instances on one database: they share a broadcast without
 * sending anyone twice, an instance that dies in the middle of a call leaves that
 * recipient {@code unknown} (never re-sent) and everyone else is sent by the survivor,
 * and a scheduled broadcast whose time passed while no instance ran starts when one comes
 * up.
 */
@SpringBootTest(properties = { "coursehub.delivery.instance-id=instance-a", "coursehub.delivery.lease=2s",
		"coursehub.delivery.batch-size=10", "coursehub.delivery.poll-interval=100ms" })
@UsesPostgres
@UsesKafka
class TwoInstancesIT {

	static final int LIMIT = 20;

	/** With the headroom explained in {@code BroadcastDeliveryIT}. */
	static final TelegramSandbox sandbox = TelegramSandbox.start(LIMIT + 5);

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		sandbox.configure(registry, LIMIT);
	}

	@Autowired
	DatabaseClient database;

	@Autowired
	FlywayConnectionDetails connection;

	@Autowired
	DeliveryWorker workerA;

	@Autowired
	TransactionalOperator transactions;

	final List<ConfigurableApplicationContext> others = new ArrayList<>();

	Directory directory;

	@BeforeEach
	void setUp() {
		this.directory = new Directory(this.database);
		sandbox.reset();
	}

	@AfterEach
	void stopOthers() {
		this.others.forEach(ConfigurableApplicationContext::close);
		if (!this.workerA.isRunning()) {
			this.workerA.start();
		}
		assertThat(sandbox.violations()).as("sends over the sandbox's limits").isZero();
		assertThat(sandbox.maxPerSecond()).isLessThanOrEqualTo(LIMIT + 5);
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void twoInstancesShareOneBroadcastAndNobodyGetsItTwice() {
		startInstance("instance-b");
		long[] users = this.directory.recipients(80);
		long broadcast = create("Shared", users, null);

		awaitState(broadcast, "completed", Duration.ofSeconds(40));

		for (long user : users) {
			assertThat(sandbox.receivedBy(user)).as("messages to " + user).containsExactly("Shared");
		}
		// one limit for both: 80 sends at 20/s take at least 79/20 s, two limits would
		// halve it
		assertThat(sandbox.arrivalSpan()).isGreaterThanOrEqualTo(Duration.ofMillis(79 * 1000 / LIMIT - 100));
		assertThat(statusCounts(broadcast)).containsExactly(Map.entry("sent", 80L));
		assertThat(this.database
			.sql("SELECT count(DISTINCT claimed_by) AS n FROM broadcast_recipient WHERE broadcast_id = :id")
			.bind("id", broadcast)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block()).as("instances that sent").isEqualTo(2);
	}

	@Test
	void anInstanceThatDiesDuringACallLeavesThatRecipientUnknownAndTheRestIsSentOnce() {
		this.workerA.stop();
		ConfigurableApplicationContext b = startInstance("instance-b", "--coursehub.delivery.shutdown-grace=1s");
		long[] users = this.directory.recipients(30);
		sandbox.hang(users[0]);
		long broadcast = create("Crash", users, null);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(sandbox.receivedBy(users[0]).size() == 1 && sandbox.received().size() >= 5)
				.as(() -> diagnostics(broadcast))
				.isTrue());

		// instance b stops with a call that never ends and claims it never finished; the
		// grace period lets its other calls finish
		b.close();
		this.workerA.start();

		awaitState(broadcast, "completed", Duration.ofSeconds(40));
		Map<String, Long> counts = statusCounts(broadcast);
		assertThat(counts.keySet()).containsOnly("sent", "unknown");
		assertThat(counts.get("sent") + counts.get("unknown")).isEqualTo(30);
		assertThat(status(broadcast, users[0])).isEqualTo("unknown");
		for (long user : users) {
			String status = status(broadcast, user);
			if ("sent".equals(status)) {
				assertThat(sandbox.receivedBy(user)).as("messages to " + user).hasSize(1);
			}
			else {
				assertThat(sandbox.receivedBy(user)).as("messages to unknown " + user).hasSizeLessThanOrEqualTo(1);
			}
		}
	}

	@Test
	void scheduledBroadcastWhoseTimePassedWhileNoInstanceRanStartsWhenOneComesUp() {
		this.workerA.stop();
		long[] users = this.directory.recipients(3);
		long broadcast = create("Scheduled", users, Instant.now().plusMillis(500));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(2))
			.until(() -> "scheduled".equals(state(broadcast)));

		startInstance("instance-c");

		awaitState(broadcast, "completed", Duration.ofSeconds(30));
		for (long user : users) {
			assertThat(sandbox.receivedBy(user)).containsExactly("Scheduled");
		}
	}

	private ConfigurableApplicationContext startInstance(String id, String... more) {
		String jdbcUrl = this.connection.getJdbcUrl();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--coursehub.delivery.instance-id=" + id,
				"--coursehub.delivery.lease=2s", "--coursehub.delivery.batch-size=10",
				"--coursehub.delivery.poll-interval=100ms", "--coursehub.outbox.enabled=false",
				"--spring.flyway.url=" + jdbcUrl, "--spring.flyway.user=" + this.connection.getUsername(),
				"--spring.flyway.password=" + this.connection.getPassword(),
				"--spring.r2dbc.url=" + jdbcUrl.replaceFirst("^jdbc:", "r2dbc:"),
				"--spring.r2dbc.username=" + this.connection.getUsername(),
				"--spring.r2dbc.password=" + this.connection.getPassword(),
				"--spring.kafka.bootstrap-servers=" + TestServers.kafka().bootstrapServers(),
				"--coursehub.telegram.api-url=" + sandbox.url(),
				"--coursehub.telegram.bot-token=" + TelegramSandbox.TOKEN,
				"--coursehub.telegram.global-per-second=" + LIMIT));
		args.addAll(List.of(more));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MessagingServiceApplication.class)
			.run(args.toArray(String[]::new));
		this.others.add(context);
		return context;
	}

	private long create(String text, long[] users, Instant scheduledAt) {
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("kind", "users");
		target.put("userIds", Arrays.stream(users).boxed().toList());
		// one transaction, as the API does: a broadcast without its recipients would be
		// completed at once
		return this.transactions
			.transactional(this.database.sql("""
					INSERT INTO broadcast (text, target, state, total_recipients, scheduled_at, started_at)
					VALUES (:text, '{"kind":"users"}', :state, :total, :scheduledAt,
					        CASE WHEN :state = 'sending' THEN now() END)
					RETURNING id
					""")
				.bind("text", text)
				.bind("state", (scheduledAt != null) ? "scheduled" : "sending")
				.bind("total", users.length)
				.bind("scheduledAt", dev.coursehub.servicekit.sql.SqlValues.nullable(scheduledAt, Instant.class))
				.map((row) -> row.get("id", Long.class))
				.one()
				.flatMap((id) -> this.database.sql("""
						INSERT INTO broadcast_recipient (broadcast_id, user_id, chat_id)
						SELECT :id, u, u FROM unnest(CAST(:users AS bigint[])) u ORDER BY u
						""")
					.bind("id", id)
					.bind("users", Arrays.stream(users).boxed().toArray(Long[]::new))
					.then()
					.thenReturn(id)))
			.block();
	}

	private String state(long broadcast) {
		return this.database.sql("SELECT state FROM broadcast WHERE id = :id")
			.bind("id", broadcast)
			.map((row) -> row.get("state", String.class))
			.one()
			.block();
	}

	private void awaitState(long broadcast, String state, Duration atMost) {
		await().atMost(atMost)
			.untilAsserted(() -> assertThat(state(broadcast)).as(() -> diagnostics(broadcast)).isEqualTo(state));
	}

	private String diagnostics(long broadcast) {
		return "broadcast " + broadcast + " " + statusCounts(broadcast) + ", errors " + this.database.sql(
				"SELECT DISTINCT coalesce(error_code, 0) || ' ' || coalesce(error_description, '') AS e FROM broadcast_recipient WHERE broadcast_id = :id")
			.bind("id", broadcast)
			.map((row) -> row.get("e", String.class))
			.all()
			.collectList()
			.block() + ", sandbox requests " + sandbox.requests() + ", violations " + sandbox.violations();
	}

	private String status(long broadcast, long user) {
		return this.database.sql("SELECT status FROM broadcast_recipient WHERE broadcast_id = :id AND user_id = :user")
			.bind("id", broadcast)
			.bind("user", user)
			.map((row) -> row.get("status", String.class))
			.one()
			.block();
	}

	private Map<String, Long> statusCounts(long broadcast) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.database
			.sql("SELECT status, count(*) AS n FROM broadcast_recipient WHERE broadcast_id = :id GROUP BY status")
			.bind("id", broadcast)
			.map((row) -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
			.all()
			.doOnNext((entry) -> counts.put(entry.getKey(), entry.getValue()))
			.blockLast();
		return counts;
	}

}
