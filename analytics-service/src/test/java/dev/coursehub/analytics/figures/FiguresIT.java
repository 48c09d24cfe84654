package dev.coursehub.analytics.figures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.coursehub.analytics.rebuild.RebuildJob;
import dev.coursehub.testkit.TestServers;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service's figures equal the legacy SQL run over the same rows, for random histories
 * fed through the real topic with duplicates, out-of-order events of one aggregate, a
 * listener stopped and restarted mid-stream and poison records in between.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coursehub.kafka.topics.booking-events=figures-it.events",
				"spring.kafka.consumer.group-id=figures-it", "coursehub.analytics.gauges.refresh=300ms" })
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresIT {

	static final String TOPIC = "figures-it.events";

	static final LocalDate FROM = LocalDate.parse("2026-10-30");

	static final LocalDate TO = LocalDate.parse("2026-11-16");

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient db;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ProducerFactory<String, String> producers;

	KafkaTemplate<String, String> kafka;

	LegacyTables legacy;

	long seed = System.nanoTime();

	@BeforeAll
	void setUp() {
		this.kafka = new KafkaTemplate<>(this.producers);
		this.legacy = new LegacyTables(this.db);
		this.legacy.create();
	}

	@Test
	void figuresEqualTheLegacySqlAfterDuplicatesReorderingRestartsAndPoison() {
		History first = History.random(this.seed, 0, 40, 20, 30);
		History second = History.random(this.seed + 1, 10_000, 40, 20, 30);
		this.legacy.insert(first);
		this.legacy.insert(second);

		send(first.events);
		await().atMost(Duration.ofSeconds(60)).until(() -> processedEvents() > 0);
		MessageListenerContainer container = this.listeners.getListenerContainer("analytics-events");
		container.stop();
		this.kafka.send(TOPIC, "poison", "this is not JSON");
		this.kafka.send(TOPIC, "42",
				History.event("booking.created.v1", "booking", 42, 1, History.data(Map.of())).value());
		send(second.events);
		container.start();

		assertFiguresEqualLegacy();
		assertThat(deadLetters("poison", "42")).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder("poison", "42");
		// the record that is not JSON and the one that breaks the contract
		assertThat(deadLetterCount("rejected")).isGreaterThanOrEqualTo(2);

		History third = History.random(this.seed + 2, 20_000, 10, 5, 5);
		this.legacy.insert(third);
		String job = this.client.post()
			.uri("/rebuild")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(RebuildJob.class)
			.returnResult()
			.getResponseBody()
			.id()
			.toString();
		send(third.events);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.client.get()
				.uri("/rebuild/" + job)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(RebuildJob.class)
				.returnResult()
				.getResponseBody()
				.state()).isEqualTo("done"));
		assertThat(currentGeneration()).isGreaterThan(1);
		assertFiguresEqualLegacy();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.db.sql("SELECT count(DISTINCT generation) FROM processed_event")
				.map((row) -> row.get(0, Long.class))
				.one()
				.block() == 1);
	}

	@Test
	void anEventTheDatabaseRefusesGoesToTheDeadLetterTopicAloneAndTheRestOfItsPollIsApplied() {
		this.legacy.insert(new History.Builder().booking(902_001, 8, 902, "3rd_stream", 1, "2026-11-04T10:00:00Z"));
		this.legacy.insert(new History.Builder().booking(902_002, 8, 902, "4th_stream", 2, "2026-11-04T11:00:00Z"));
		// a stream without a status passes the event contract but not the table's NOT
		// NULL
		Map<String, Object> refused = new java.util.HashMap<>(
				Map.of("streamId", 902_003, "courseId", 902, "code", "5th_stream", "name", "5-й поток"));
		refused.put("status", null);
		MessageListenerContainer container = this.listeners.getListenerContainer("analytics-events");
		container.stop();
		send(List.of(booking(902_001, "3rd_stream", "pending", "2026-11-04T10:00:00Z"),
				History.event("stream.created.v1", "stream", 902_003, 1, History.data(refused)),
				booking(902_002, "4th_stream", "confirmed", "2026-11-04T11:00:00Z")));
		container.start();

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(streams(902)).isEqualTo(this.legacy.streams(902)).hasSize(2));
		assertThat(deadLetters("902003")).hasSize(1);
		assertThat(deadLetterCount("failed")).isGreaterThanOrEqualTo(1);
	}

	static History.Event booking(long id, String stream, String status, String createdAt) {
		return History.event("booking.created.v1", "booking", id, 1, History.data(Map.of("bookingId", id, "userId", 8,
				"courseId", 902, "stream", stream, "status", status, "createdAt", createdAt)));
	}

	@Test
	void figuresFreshnessAndConsumerLagAreMetrics() {
		this.legacy.insert(new History.Builder().booking(901_001, 6, 901, "gauge_stream", 2, "2026-11-03T10:00:00Z"));
		send(List.of(History.event("booking.created.v1", "booking", 901_001, 1,
				History.data(Map.of("bookingId", 901_001, "userId", 6, "courseId", 901, "stream", "gauge_stream",
						"status", "confirmed", "createdAt", "2026-11-03T10:00:00Z")))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(prometheus()).contains(
					"coursehub_analytics_stream_bookings{application=\"analytics-service\",course=\"901\",status=\"confirmed\",stream=\"gauge_stream\"} 1.0",
					"coursehub_analytics_stream_bookings{application=\"analytics-service\",course=\"901\",status=\"pending\",stream=\"gauge_stream\"} 0.0",
					"coursehub_analytics_stream_conversion{application=\"analytics-service\",course=\"901\",stream=\"gauge_stream\"} 100.0",
					"coursehub_analytics_events_applied_total{application=\"analytics-service\",type=\"attendance.marked.v1\"}",
					"coursehub_analytics_events_duplicates_total{application=\"analytics-service\"}",
					// Prometheus drops "_total" from a gauge's name:
					// coursehub.analytics.users.total
					"coursehub_analytics_users{application=\"analytics-service\"}",
					"coursehub_analytics_users_never_confirmed{application=\"analytics-service\"}",
					"coursehub_analytics_event_freshness_seconds_count{application=\"analytics-service\"}"));
		assertThat(prometheus().lines()
			.filter((line) -> line.startsWith("kafka_consumer_fetch_manager_records_lag"))
			.filter((line) -> line.contains("application=\"analytics-service\""))).isNotEmpty();
	}

	/**
	 * The dead-letter counter of this test's topic for one reason (registered at zero).
	 */
	double deadLetterCount(String reason) {
		String series = "coursehub_kafka_dead_letters_total{application=\"analytics-service\",reason=\"" + reason
				+ "\",topic=\"" + TOPIC + "\"} ";
		return prometheus().lines()
			.filter((line) -> line.startsWith(series))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no series " + series));
	}

	String prometheus() {
		return this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void aSecondRebuildWhileOneRunsIsAConflict() {
		this.db.sql("INSERT INTO rebuild_job (id, generation, state) VALUES (gen_random_uuid(), 0, 'running')")
			.then()
			.block();
		try {
			this.client.post()
				.uri("/rebuild")
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentType("application/problem+json");
			this.client.get().uri("/rebuild/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
		}
		finally {
			this.db.sql("DELETE FROM rebuild_job WHERE generation = 0").then().block();
		}
	}

	long currentGeneration() {
		return this.db.sql("SELECT id FROM generation WHERE state = 'current'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	@Test
	void streamFiguresCarryTheNewestDisplayName() {
		Map<String, Object> stream = Map.of("streamId", 7, "courseId", 900, "code", "3rd_stream", "name", "3-й поток",
				"status", "open");
		Map<String, Object> renamed = new java.util.HashMap<>(stream);
		renamed.put("name", "3-й поток (вечерний)");
		History legacyRow = new History.Builder().booking(900_001, 5, 900, "3rd_stream", 2, "2026-11-02T10:00:00Z");
		this.legacy.insert(legacyRow);
		send(List.of(History.event("stream.updated.v1", "stream", 7, 2, History.data(renamed)),
				History.event("stream.created.v1", "stream", 7, 1, History.data(stream)),
				History.event("course.created.v1", "course", 900, 1,
						History.data(Map.of("courseId", 900, "title", "Вайб кодинг"))),
				History.event("booking.created.v1", "booking", 900_001, 1,
						History.data(Map.of("bookingId", 900_001, "userId", 5, "courseId", 900, "stream", "3rd_stream",
								"status", "confirmed", "createdAt", "2026-11-02T10:00:00Z")))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.client.get()
				.uri("/streams?courseId=900")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBodyList(StreamFigure.class)
				.returnResult()
				.getResponseBody()).singleElement().satisfies((figure) -> {
					assertThat(figure.name()).isEqualTo("3-й поток (вечерний)");
					assertThat(figure.courseTitle()).isEqualTo("Вайб кодинг");
					assertThat(figure.conversionRate()).isEqualByComparingTo("100.0");
				}));
	}

	@Test
	void sessionFiguresKeepTheNewestStateWhateverTheOrder() {
		List<History.Event> events = new ArrayList<>();
		events.add(session("session.created.v1", 501, 1, 12, 0, "upcoming"));
		events.add(session("enrollment.created.v1", 501, 2, 12, 1, "upcoming"));
		events.add(session("enrollment.created.v1", 501, 3, 12, 2, "active"));
		events.add(session("enrollment.created.v1", 501, 4, 12, 3, "active"));
		events.add(session("enrollment.cancelled.v1", 501, 5, 12, 2, "active"));
		events.add(session("session.created.v1", 502, 1, 10, 0, "upcoming"));
		events.add(session("enrollment.created.v1", 502, 2, 10, 1, "upcoming"));
		events.add(session("session.cancelled.v1", 502, 3, 10, 0, "cancelled"));
		events.add(attendance(1, Map.of("enrolled", 2, "present", 1, "late", 0, "absent", 0, "unmarked", 1), 0));
		events.add(attendance(2, Map.of("enrolled", 2, "present", 1, "late", 1, "absent", 0, "unmarked", 0), 1));
		List<History.Event> reversed = new ArrayList<>(events);
		java.util.Collections.reverse(reversed);
		reversed.addAll(events.subList(3, 7));
		send(reversed);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.client.get()
				.uri("/sessions?workshopId=3&runId=31")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBodyList(RunFigure.class)
				.returnResult()
				.getResponseBody()).singleElement().satisfies((run) -> {
					assertThat(run.runName()).isEqualTo("July 2026 batch");
					assertThat(run.certificateEligible()).isEqualTo(1);
					assertThat(run.fillRate()).isEqualByComparingTo("0.1667");
					assertThat(run.attendanceRate()).isEqualByComparingTo("1");
					assertThat(run.sessions())
						.extracting((session) -> session.sessionId() + " " + session.seatsTaken() + " "
								+ session.status() + " " + session.fillRate() + " " + session.attendanceRate())
						.containsExactly("501 2 active 0.1667 1.0000", "502 0 cancelled 0.0000 0.0000");
				}));
	}

	@Test
	void growthRangesThatMakeNoSenseAreProblems() {
		assertProblem("/users/growth?from=2026-11-10&to=2026-11-01", "from");
		assertProblem("/users/growth?from=2026-13-01&to=2026-11-01", "from");
		assertProblem("/users/growth?from=2000-01-01&to=2026-11-01", "to");
		assertProblem("/users/growth?from=2026-11-01&to=2026-11-02&timeZone=Mars/Olympus", "timeZone");
		assertProblem("/users/growth?from=2026-11-01&to=2026-11-02&timeZone=%2B03:00", "timeZone");
		assertProblem("/streams?courseId=abc", "courseId");
	}

	void assertProblem(String uri, String field) {
		this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

	static History.Event session(String type, long sessionId, long version, int capacity, int taken, String status) {
		Map<String, Object> data = new java.util.HashMap<>(Map.of("sessionId", sessionId, "runId", 31, "workshopId", 3,
				"capacity", capacity, "seatsTaken", taken, "seatsLeft", capacity - taken, "status", status));
		if (type.startsWith("session.created")) {
			data.putAll(Map.of("runName", "July 2026 batch", "workshopTitle", "React Fundamentals", "dayNumber",
					(int) (sessionId - 500), "startsAt", "2026-07-0" + (sessionId - 495) + "T09:00:00Z"));
		}
		if (type.startsWith("enrollment")) {
			data.putAll(Map.of("enrollmentId", 9000 + version, "userId", 77));
		}
		return History.event(type, "session", sessionId, version, History.data(data));
	}

	static History.Event attendance(long runVersion, Map<String, Object> totals, int certificateEligible) {
		return History.event("attendance.marked.v1", "run", 31, runVersion,
				History.data(Map.of("runId", 31, "workshopId", 3, "sessionId", 501, "marks", List.of(), "session",
						totals, "run", Map.of("sessions", 2, "certificateEligible", certificateEligible))));
	}

	void assertFiguresEqualLegacy() {
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			assertThat(streams(1)).isEqualTo(this.legacy.streams(1));
			assertThat(streams(2)).isEqualTo(this.legacy.streams(2));
			assertThat(lessons()).isEqualTo(this.legacy.lessons());
			assertThat(dashboard()).isEqualTo(this.legacy.dashboard());
			assertThat(growth("Asia/Kolkata")).isEqualTo(this.legacy.growth(FROM, TO, "Asia/Kolkata"));
			assertThat(growth("America/New_York")).isEqualTo(this.legacy.growth(FROM, TO, "America/New_York"));
		});
	}

	List<String> streams(long courseId) {
		return this.client.get()
			.uri("/streams?courseId=" + courseId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(StreamFigure.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((f) -> FigureLines.stream(f.courseId(), f.stream(), f.total(), f.confirmed(), f.pending(),
					f.cancelled(), f.conversionRate()))
			.toList();
	}

	List<String> lessons() {
		return this.client.get()
			.uri("/lessons")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(LessonFigure.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((f) -> FigureLines.lesson(f.lessonType(), f.registrations(), f.attendances(), f.conversionRate()))
			.toList();
	}

	String dashboard() {
		Dashboard d = this.client.get()
			.uri("/dashboard")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Dashboard.class)
			.returnResult()
			.getResponseBody();
		return FigureLines.dashboard(d.users(), d.neverConfirmed(), d.registrations(), d.bookings().total(),
				d.bookings().pending(), d.bookings().confirmed(), d.bookings().cancelled());
	}

	List<String> growth(String zone) {
		Growth growth = this.client.get()
			.uri("/users/growth?from={f}&to={t}&timeZone={z}", FROM, TO, zone)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Growth.class)
			.returnResult()
			.getResponseBody();
		return growth.days().stream().map((d) -> FigureLines.day(d.date(), d.newUsers(), d.totalUsers())).toList();
	}

	void send(List<History.Event> events) {
		events.forEach((event) -> this.kafka.send(TOPIC, event.key(), event.value()));
		this.kafka.flush();
	}

	long processedEvents() {
		return this.db.sql("SELECT count(*) FROM processed_event").map((row) -> row.get(0, Long.class)).one().block();
	}

	/** The records of the dead-letter topic with these keys, once each key is there. */
	List<ConsumerRecord<String, String>> deadLetters(String... keys) {
		List<String> wanted = List.of(keys);
		List<ConsumerRecord<String, String>> read = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC + "-dlt"));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(read::add);
				return read.stream().map(ConsumerRecord::key).toList().containsAll(wanted);
			});
		}
		return read.stream().filter((record) -> wanted.contains(record.key())).toList();
	}

}
