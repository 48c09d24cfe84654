package dev.coursehub.booking.workshop;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise "a session is never overbooked" with two booking-service instances on one
 * database, hundreds of concurrent attempts split between them.
 */
@BookingServiceIT
class TwoInstancesIT {

	static final JsonMapper json = JsonMapper.builder().build();

	static SecondInstance second;

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	TestDatabase testDatabase;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@BeforeEach
	void startSecondInstance() {
		if (second == null) {
			second = SecondInstance.start(this.testDatabase);
		}
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void threeHundredConcurrentAttemptsOnATwelveSeatSessionTakeExactlyTwelveSeats() {
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(12));

		List<Integer> statuses = race(300, (i) -> Map.of("sessionId", session));

		assertThat(statuses.stream().filter((s) -> s == 201).count()).isEqualTo(12);
		assertThat(statuses.stream().filter((s) -> s == 409).count()).isEqualTo(288);
		assertThat(count("SELECT seats_taken AS n FROM workshop_session WHERE id = :id", session)).isEqualTo(12);
		assertThat(count("SELECT count(*) AS n FROM enrollment WHERE session_id = :id AND status = 'active'", session))
			.isEqualTo(12);
		List<JsonNode> created = this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE aggregate_type = 'session' AND aggregate_id = :id "
					+ "AND event_type = 'enrollment.created.v1' ORDER BY aggregate_version")
			.bind("id", String.valueOf(session))
			.map((row) -> json.readTree(row.get("p", String.class)))
			.all()
			.collectList()
			.block();
		assertThat(created).extracting((e) -> e.get("data").get("seatsTaken").asInt())
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(created).extracting((e) -> e.get("aggregateVersion").asLong())
			.containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
		assertThat(created.get(11).get("data").get("status").asString()).isEqualTo("full");
		assertThat(created.get(11).get("data").get("seatsLeft").asInt()).isZero();
	}

	@Test
	void wholeRunEnrollmentsRacingSingleSessionOnesNeverOverbookAndNeverHalfTakeARun() {
		WorkshopData data = new WorkshopData(this.client);
		JsonNode run = data.run(data.workshop(12), LocalDate.now().plusDays(200), 2);
		long runId = run.get("id").asLong();
		List<Long> sessions = WorkshopData.sessionIds(run);

		List<Integer> statuses = race(200,
				(i) -> (i % 2 == 0) ? Map.of("runId", runId) : Map.of("sessionId", sessions.get(0)));

		assertThat(statuses).allMatch((s) -> s == 201 || s == 409);
		long day1 = count("SELECT seats_taken AS n FROM workshop_session WHERE id = :id", sessions.get(0));
		long day2 = count("SELECT seats_taken AS n FROM workshop_session WHERE id = :id", sessions.get(1));
		assertThat(day1).isEqualTo(12);
		assertThat(statuses.stream().filter((s) -> s == 201).count()).isEqualTo(12);
		assertThat(count("SELECT count(*) AS n FROM enrollment WHERE session_id = :id AND status = 'active'",
				sessions.get(0)))
			.isEqualTo(12);
		assertThat(count("SELECT count(*) AS n FROM enrollment WHERE session_id = :id AND status = 'active'",
				sessions.get(1)))
			.isEqualTo(day2);
		assertThat(count("""
				SELECT count(*) AS n FROM enrollment two WHERE two.session_id = :id AND two.status = 'active'
				   AND NOT EXISTS (SELECT 1 FROM enrollment one WHERE one.run_id = two.run_id
				                   AND one.user_id = two.user_id AND one.session_id <> two.session_id
				                   AND one.status = 'active')
				""", sessions.get(1))).isZero();
	}

	@Test
	void webSocketAndSseClientsOfOneInstanceSeeAnEnrollmentMadeThroughTheOtherWithinASecond() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(12);
		long session = data.session(workshop);
		long user = TestData.newUserId();
		waitUntilLiveFeedsListen();
		String updates = "http://localhost:" + second.port() + "/sessions/updates?workshop=" + workshop;

		Queue<JsonNode> sse = new ConcurrentLinkedQueue<>();
		Disposable sseClient = WebClient.create()
			.get()
			.uri(updates)
			.header("X-User-Id", String.valueOf(user))
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.filter((event) -> event.event() != null)
			.subscribe((event) -> sse
				.add(json.readTree("{\"event\":\"" + event.event() + "\",\"data\":" + event.data() + "}")));
		Queue<JsonNode> ws = new ConcurrentLinkedQueue<>();
		Disposable wsClient = new ReactorNettyWebSocketClient()
			.execute(URI.create(updates.replace("http:", "ws:")),
					(socket) -> socket.receive().doOnNext((m) -> ws.add(json.readTree(m.getPayloadAsText()))).then())
			.subscribe();
		try {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> seen(sse, "session-update", session, 0) && seen(ws, "session-update", session, 0));

			data.enroll(user, Map.of("sessionId", session)).expectStatus().isCreated();
			long enrolled = System.nanoTime();
			await().atMost(Duration.ofSeconds(1))
				.until(() -> seen(sse, "session-update", session, 1) && seen(ws, "session-update", session, 1)
						&& seen(sse, "enrollment-confirmed", session, 1));
			long millis = Duration.ofNanos(System.nanoTime() - enrolled).toMillis();
			assertThat(millis).isLessThan(1000);
			assertThat(ws).noneMatch((m) -> "enrollment-confirmed".equals(m.get("event").asString()));

			this.client.post().uri("/sessions/{id}/cancel", session).exchange().expectStatus().isOk();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> seen(sse, "enrollment-cancelled", session, 0) && seen(sse, "session-cancelled", session, 0)
						&& seen(ws, "session-cancelled", session, 0));
		}
		finally {
			sseClient.dispose();
			wsClient.dispose();
		}
	}

	private static boolean seen(Queue<JsonNode> messages, String event, long session, int seatsTaken) {
		return messages.stream()
			.anyMatch(
					(m) -> event.equals(m.get("event").asString()) && m.get("data").get("sessionId").asLong() == session
							&& m.get("data").get("seatsTaken").asInt() == seatsTaken);
	}

	private void waitUntilLiveFeedsListen() {
		for (ApplicationContext context : List.of(this.context, second.context())) {
			MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainer("booking-live");
			await().atMost(Duration.ofSeconds(60))
				.until(() -> container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty());
		}
	}

	/**
	 * {@code attempts} enrollments by different users, alternating between the instances,
	 * all at once.
	 */
	private List<Integer> race(int attempts, java.util.function.IntFunction<Map<String, Object>> body) {
		WebClient one = WebClient.create("http://localhost:" + this.port);
		WebClient two = WebClient.create("http://localhost:" + second.port());
		AtomicLong users = new AtomicLong(TestData.newUserId());
		return Flux.range(0, attempts)
			.flatMap(
					(i) -> ((i % 2 == 0) ? one : two).post()
						.uri("/me/enrollments")
						.header("X-User-Id", String.valueOf(users.incrementAndGet()))
						.bodyValue(body.apply(i))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					attempts)
			.collectList()
			.block(Duration.ofSeconds(120));
	}

	private long count(String sql, long id) {
		return this.database.sql(sql)
			.bind("id", id)
			.map((row) -> ((Number) row.get("n")).longValue())
			.one()
			.switchIfEmpty(Mono.just(0L))
			.block();
	}

}
