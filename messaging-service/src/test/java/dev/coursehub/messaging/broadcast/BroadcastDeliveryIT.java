package dev.coursehub.messaging.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.coursehub.messaging.Directory;
import dev.coursehub.telegramsandbox.TelegramSandbox;
import dev.coursehub.testkit.EventExamples;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import static dev.coursehub.messaging.broadcast.BroadcastApi.count;
import static dev.coursehub.messaging.broadcast.BroadcastApi.id;
import static dev.coursehub.messaging.broadcast.BroadcastApi.toUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broadcasts delivered through the sandbox by one instance: every recipient ends with
 * exactly one outcome, inside the limits, whatever Telegram answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coursehub.delivery.poll-interval=100ms", "coursehub.delivery.retry-backoff=200ms",
				"coursehub.delivery.max-attempts=3", "coursehub.delivery.failure-min-sample=10",
				"coursehub.broadcasts.progress-interval=200ms" })
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class BroadcastDeliveryIT {

	static final int LIMIT = 20;

	/**
	 * The sandbox enforces the service's limit plus 5, the headroom production keeps
	 * below Telegram's ~30/s (25 configured); the rate itself is checked against
	 * {@code LIMIT}.
	 */
	static final TelegramSandbox sandbox = TelegramSandbox.start(LIMIT + 5);

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		sandbox.configure(registry, LIMIT);
	}

	@Autowired
	WebTestClient web;

	@Autowired
	DatabaseClient database;

	@Autowired
	MeterRegistry meters;

	BroadcastApi api;

	Directory directory;

	@BeforeEach
	void setUp() {
		this.api = new BroadcastApi(this.web);
		this.directory = new Directory(this.database);
		sandbox.reset();
	}

	@AfterEach
	void limitsHeld() {
		assertThat(sandbox.violations()).as("sends over the sandbox's limits").isZero();
		assertThat(sandbox.maxPerSecond()).isLessThanOrEqualTo(LIMIT + 5);
	}

	@AfterAll
	static void stopSandbox() {
		sandbox.close();
	}

	@Test
	void sendsEveryRecipientExactlyOnceWithinTheGlobalLimit() {
		long[] users = this.directory.recipients(50);
		long started = System.nanoTime();
		Map<String, Object> created = this.api.create("Lesson 3 is online", toUsers(users));
		assertThat(created.get("state")).isEqualTo("sending");
		assertThat(created.get("totalRecipients")).isEqualTo(50);

		Map<String, Object> done = this.api.awaitState(id(created), "completed", Duration.ofSeconds(30));
		double seconds = (System.nanoTime() - started) / 1e9;

		assertThat(count(done, "sent")).isEqualTo(50);
		assertThat(count(done, "pending") + count(done, "failed") + count(done, "unknown")).isZero();
		assertThat(done.get("finishedAt")).isNotNull();
		for (long user : users) {
			assertThat(sandbox.receivedBy(user)).as("messages to " + user).containsExactly("Lesson 3 is online");
		}
		// 50 sends at 20/s cannot take less than ~2.4 s
		assertThat(seconds).isGreaterThan(2.3);
		assertThat(this.api.recipients(id(created))).allSatisfy((recipient) -> {
			assertThat(recipient.get("status")).isEqualTo("sent");
			assertThat(recipient.get("telegramMessageId")).isNotNull();
			assertThat(recipient.get("attempts")).isEqualTo(1);
		});
		assertThat(this.meters.get("coursehub.broadcasts.sends").tag("outcome", "sent").counter().count())
			.isGreaterThanOrEqualTo(50);
	}

	@Test
	void publishesTheJobAndOneOutcomeEventPerRecipientShapedLikeTheCatalog() {
		long[] users = this.directory.recipients(3);
		long broadcast = id(this.api.create("Hello", toUsers(users)));
		this.api.awaitState(broadcast, "completed", Duration.ofSeconds(20));

		List<String> outcomes = this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE event_type = 'delivery.recorded.v1' "
					+ "AND aggregate_id LIKE :prefix")
			.bind("prefix", broadcast + ":%")
			.map((row) -> row.get("p", String.class))
			.all()
			.collectList()
			.block();
		assertThat(outcomes).hasSize(3);
		outcomes.forEach(EventExamples.catalog()::assertMatchesExample);
		String job = this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE event_type = 'broadcast.created.v1' "
					+ "AND aggregate_id = :id")
			.bind("id", String.valueOf(broadcast))
			.map((row) -> row.get("p", String.class))
			.one()
			.block();
		EventExamples.catalog().assertMatchesExample(job);
	}

	@Test
	void handlesForbiddenBadRequestAndServerErrorsEachAsTheIssueSays() {
		long[] users = this.directory.recipients(9);
		sandbox.block(users[0]);
		sandbox.rejectWithBadRequest(users[1]);
		sandbox.failWithServerError(users[2], 1);
		sandbox.failWithServerError(users[3], 10);
		long broadcast = id(this.api.create("Reminder", toUsers(users)));

		Map<String, Object> done = this.api.awaitState(broadcast, "completed", Duration.ofSeconds(30));

		Map<Long, Map<String, Object>> byUser = this.api.recipients(broadcast)
			.stream()
			.collect(Collectors.toMap((r) -> ((Number) r.get("userId")).longValue(), Function.identity()));
		assertThat(byUser.get(users[0])).containsEntry("status", "failed")
			.containsEntry("errorCode", 403)
			.containsEntry("attempts", 1);
		assertThat(byUser.get(users[1])).containsEntry("status", "failed")
			.containsEntry("errorCode", 400)
			.containsEntry("errorDescription", "Bad Request: chat not found")
			.containsEntry("attempts", 1);
		assertThat(byUser.get(users[2])).containsEntry("status", "sent").containsEntry("attempts", 2);
		assertThat(byUser.get(users[3])).containsEntry("status", "failed")
			.containsEntry("errorCode", 502)
			.containsEntry("attempts", 3);
		assertThat(sandbox.receivedBy(users[0])).hasSize(1);
		assertThat(sandbox.receivedBy(users[1])).hasSize(1);
		assertThat(sandbox.receivedBy(users[3])).hasSize(3);
		assertThat(count(done, "sent")).isEqualTo(6);
		assertThat(count(done, "failed")).isEqualTo(3);

		// the blocked user is unreachable now: later targets leave them out
		assertThat(preview(toUsers(users))).isEqualTo(8);
	}

	@Test
	void tooManyRequestsHoldsTheWholeSenderForRetryAfterAndTheRecipientIsSentOnce() {
		long[] users = this.directory.recipients(6);
		sandbox.answerTooManyRequests(1);
		long broadcast = id(this.api.create("Wait for it", toUsers(users)));

		Map<String, Object> done = this.api.awaitState(broadcast, "completed", Duration.ofSeconds(30));

		assertThat(count(done, "sent")).isEqualTo(6);
		for (long user : users) {
			assertThat(this.api.recipients(broadcast)).allSatisfy((r) -> assertThat(r.get("status")).isEqualTo("sent"));
		}
		// retry_after is 1 s: no send starts before it passed; one already on the wire
		// when
		// the 429 came back may still arrive (at 20/s, some 19 would without the hold)
		assertThat(sandbox.arrivalsWithinAfterFirstTooManyRequests(Duration.ofMillis(900))).isBetween(0L, 1L);
		assertThat(this.meters.get("coursehub.broadcasts.sends").tag("outcome", "rate_limited").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void pausedBroadcastSendsNothingUntilResumedAndThenNobodyTwiceAndNobodySkipped() {
		long[] users = this.directory.recipients(60);
		long broadcast = id(this.api.create("Paused then resumed", toUsers(users)));
		await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.received().size() >= 10);

		Map<String, Object> paused = this.api.post(broadcast, "pause");
		assertThat(paused.get("state")).isEqualTo("paused");
		assertThat(paused.get("pauseReason")).isEqualTo("paused by an admin");
		// sends already in flight finish; then nothing moves
		await().atMost(Duration.ofSeconds(5)).until(() -> count(this.api.get(broadcast), "sending") == 0);
		int receivedWhilePaused = sandbox.received().size();
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> sandbox.received().size() == receivedWhilePaused);
		assertThat(receivedWhilePaused).isLessThan(60);

		assertThat(this.api.post(broadcast, "resume").get("state")).isEqualTo("sending");
		Map<String, Object> done = this.api.awaitState(broadcast, "completed", Duration.ofSeconds(30));

		assertThat(count(done, "sent")).isEqualTo(60);
		for (long user : users) {
			assertThat(sandbox.receivedBy(user)).as("messages to " + user).hasSize(1);
		}
	}

	@Test
	void pausesItselfWhenTheFailureRatePassesTheThresholdAndShowsWhy() {
		long[] users = this.directory.recipients(40);
		for (int i = 0; i < 30; i++) {
			sandbox.rejectWithBadRequest(users[i]);
		}
		long broadcast = id(this.api.create("Broken", toUsers(users)));

		Map<String, Object> paused = this.api.awaitState(broadcast, "paused", Duration.ofSeconds(20));

		assertThat((String) paused.get("pauseReason"))
			.matches("failure rate (\\d+)% over (\\d+) sends passed the threshold of 50%");
		assertThat(count(paused, "pending")).isPositive();
		assertThat(this.meters.get("coursehub.broadcasts.paused").tag("reason", "failure_rate").counter().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.api.post(broadcast, "cancel").get("state")).isEqualTo("cancelled");
	}

	@Test
	void retriesTheFailedRecipientsButNotTheBlockedOnes() {
		long[] users = this.directory.recipients(4);
		sandbox.block(users[0]);
		sandbox.rejectWithBadRequest(users[1]);
		long broadcast = id(this.api.create("Try again", toUsers(users)));
		this.api.awaitState(broadcast, "completed", Duration.ofSeconds(20));
		sandbox.reset();

		this.api.post(broadcast, "retry-failed");
		Map<String, Object> done = this.api.awaitState(broadcast, "completed", Duration.ofSeconds(20));

		assertThat(count(done, "sent")).isEqualTo(3);
		assertThat(count(done, "failed")).isEqualTo(1);
		assertThat(sandbox.receivedBy(users[1])).hasSize(1);
		assertThat(sandbox.receivedBy(users[0])).isEmpty();
		assertThat(sandbox.receivedBy(users[2])).isEmpty();
	}

	@Test
	void scheduledBroadcastWaitsForItsTime() {
		long[] users = this.directory.recipients(2);
		Map<String, Object> created = this.api.create("Later", toUsers(users), Instant.now().plusSeconds(2));
		assertThat(created.get("state")).isEqualTo("scheduled");
		assertThat(created.get("startedAt")).isNull();

		Map<String, Object> done = this.api.awaitState(id(created), "completed", Duration.ofSeconds(20));

		assertThat(Instant.parse((String) done.get("startedAt")))
			.isAfterOrEqualTo(Instant.parse((String) created.get("scheduledAt")));
		assertThat(sandbox.receivedBy(users[0])).containsExactly("Later");
	}

	@Test
	void oneChatGetsAtMostOneMessagePerSecondAcrossBroadcasts() {
		long[] users = this.directory.recipients(2);
		long first = id(this.api.create("One", toUsers(users)));
		long second = id(this.api.create("Two", toUsers(users)));
		long third = id(this.api.create("Three", toUsers(users)));

		for (long broadcast : new long[] { first, second, third }) {
			this.api.awaitState(broadcast, "completed", Duration.ofSeconds(20));
		}
		assertThat(sandbox.receivedBy(users[0])).containsExactlyInAnyOrder("One", "Two", "Three");
		// the sandbox answers 429 to a second message within a second: limitsHeld()
		// checks
	}

	@Test
	void progressStreamShowsCountsAndAnEtaUntilTheBroadcastCompletes() {
		long[] users = this.directory.recipients(10);
		long broadcast = id(this.api.create("Progress", toUsers(users)));

		List<Map<String, Object>> events = this.web.get()
			.uri("/broadcasts/{id}/progress", broadcast)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.map(ServerSentEvent::data)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(events).isNotEmpty().allSatisfy((event) -> assertThat(event).containsEntry("total", 10));
		Map<String, Object> last = events.get(events.size() - 1);
		assertThat(last).containsEntry("state", "completed")
			.containsEntry("sent", 10)
			.containsEntry("pending", 0)
			.containsEntry("etaSeconds", 0);
		assertThat(events).filteredOn((event) -> "sending".equals(event.get("state")))
			.allSatisfy((event) -> assertThat(event.get("etaSeconds")).isNotNull());
	}

	@Test
	void unknownBroadcastIs404AndAForbiddenTransitionIs409WithTheCurrentState() {
		this.web.get().uri("/broadcasts/999999").exchange().expectStatus().isNotFound();
		long[] users = this.directory.recipients(1);
		long broadcast = id(this.api.create("Done", toUsers(users)));
		this.api.awaitState(broadcast, "completed", Duration.ofSeconds(20));

		this.web.post()
			.uri("/broadcasts/{id}/resume", broadcast)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.currentState")
			.isEqualTo("completed");
		this.web.get()
			.uri("/broadcasts?state=completed&limit=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].id")
			.isEqualTo((int) broadcast)
			.jsonPath("$.nextCursor")
			.exists();
	}

	long preview(Map<String, Object> target) {
		return ((Number) this.web.post()
			.uri("/broadcasts/preview")
			.bodyValue(target)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("recipients")).longValue();
	}

}
