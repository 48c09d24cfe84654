package dev.coursehub.booking.workshop;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.testkit.EventExamples;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class WorkshopApiIT {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Autowired
	MeterRegistry meters;

	@Test
	void fillsASessionThenRefusesWithNoSeatsLeftAndAFreedSeatMovesFullBackToActive() {
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(2));
		long first = TestData.newUserId();
		long second = TestData.newUserId();
		long third = TestData.newUserId();
		long enrollment = enrollment(data.enroll(first, Map.of("sessionId", session)));
		data.enroll(second, Map.of("sessionId", session)).expectStatus().isCreated();
		assertThat(statusAndSeatsLeft(session)).isEqualTo("full 0");

		data.enroll(third, Map.of("sessionId", session))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("full")
			.jsonPath("$.seatsLeft")
			.isEqualTo(0);

		this.client.post()
			.uri("/me/enrollments/{id}/cancel", enrollment)
			.header("X-User-Id", String.valueOf(first))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("cancelled");
		assertThat(statusAndSeatsLeft(session)).isEqualTo("active 1");
		data.enroll(third, Map.of("sessionId", session)).expectStatus().isCreated();

		List<String> events = payloads(session);
		events.forEach(EventExamples.catalog()::assertMatchesExample);
		assertThat(events).extracting((e) -> json.readTree(e).get("type").asString())
			.containsExactly("session.created.v1", "enrollment.created.v1", "enrollment.created.v1",
					"enrollment.cancelled.v1", "enrollment.created.v1");
		assertThat(events).extracting((e) -> json.readTree(e).get("aggregateVersion").asLong())
			.containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(events).extracting((e) -> json.readTree(e).get("data").get("seatsTaken").asInt())
			.containsExactly(0, 1, 2, 1, 2);
		assertThat(json.readTree(events.get(3)).get("data").get("reason").asString()).isEqualTo("user");
	}

	@Test
	void theSameUserNeverHoldsTwoSeatsInOneSessionAndAKeyedRetryReplays() {
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(12));
		long user = TestData.newUserId();
		JsonNode made = this.client.post()
			.uri("/me/enrollments")
			.header("X-User-Id", String.valueOf(user))
			.header("Idempotency-Key", "enroll-" + user)
			.bodyValue(Map.of("sessionId", session))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		this.client.post()
			.uri("/me/enrollments")
			.header("X-User-Id", String.valueOf(user))
			.header("Idempotency-Key", "enroll-" + user)
			.bodyValue(Map.of("sessionId", session))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotency-Replayed", "true")
			.expectBody()
			.jsonPath("$.enrollments[0].id")
			.isEqualTo(made.get("enrollments").get(0).get("id").asLong());
		data.enroll(user, Map.of("sessionId", session))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("duplicate");
		assertThat(session(session).get("seatsTaken").asInt()).isEqualTo(1);
	}

	@Test
	void aWholeRunIsTakenAllOrNothing() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(1);
		List<Long> sessions = WorkshopData.sessionIds(data.run(workshop, LocalDate.now().plusDays(40), 3));
		data.enroll(TestData.newUserId(), Map.of("sessionId", sessions.get(1))).expectStatus().isCreated();

		data.enroll(TestData.newUserId(), Map.of("runId", runOf(sessions.get(0))))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.sessionId")
			.isEqualTo(sessions.get(1))
			.jsonPath("$.seatsLeft")
			.isEqualTo(0);
		assertThat(sessions).extracting((id) -> session(id).get("seatsTaken").asInt()).containsExactly(0, 1, 0);

		long other = data.workshop(2);
		JsonNode run = data.run(other, LocalDate.now().plusDays(60), 2);
		JsonNode made = this.client.post()
			.uri("/me/enrollments")
			.header("X-User-Id", String.valueOf(TestData.newUserId()))
			.bodyValue(Map.of("runId", run.get("id").asLong()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(made.get("enrollments")).hasSize(2);
		assertThat(WorkshopData.sessionIds(run)).extracting((id) -> session(id).get("seatsTaken").asInt())
			.containsExactly(1, 1);
	}

	@Test
	void enrollingInAWorkshopTakesTheNextUpcomingSessionWithAFreeSeat() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(1);
		long later = WorkshopData.sessionIds(data.run(workshop, LocalDate.now().plusDays(80), 1)).get(0);
		long sooner = WorkshopData.sessionIds(data.run(workshop, LocalDate.now().plusDays(50), 1)).get(0);

		assertThat(enrolledSession(data.enroll(TestData.newUserId(), Map.of("workshopId", workshop))))
			.isEqualTo(sooner);
		assertThat(enrolledSession(data.enroll(TestData.newUserId(), Map.of("workshopId", workshop)))).isEqualTo(later);
		data.enroll(TestData.newUserId(), Map.of("workshopId", workshop))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.seatsLeft")
			.isEqualTo(0);
	}

	@Test
	void repeatingARunKeepsDayOffsetsTimesLocationsAndCapacitiesButNoEnrollments() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(12);
		LocalDate start = LocalDate.now().plusDays(20);
		JsonNode run = data.post("/workshops/" + workshop + "/runs",
				Map.of("name", "July 2026 batch", "sessions",
						List.of(session(start, "09:00", "17:00", "A", 12),
								session(start.plusDays(1), "10:00", "16:00", "B", 8),
								session(start.plusDays(3), "09:30", "12:00", "A", 5))));
		data.enroll(TestData.newUserId(), Map.of("sessionId", WorkshopData.sessionIds(run).get(0)))
			.expectStatus()
			.isCreated();

		LocalDate newStart = start.plusDays(100);
		JsonNode copy = data.post("/workshops/" + workshop + "/runs/" + run.get("id").asLong() + "/repeat",
				Map.of("name", "October batch", "startsOn", newStart.toString()));

		assertThat(copy.get("name").asString()).isEqualTo("October batch");
		assertThat(copy.get("startsOn").asString()).isEqualTo(newStart.toString());
		assertThat(copy.get("enrollments").asLong()).isZero();
		assertThat(copy.get("sessions")).extracting((s) -> s.get("dayNumber").asInt() + " " + s.get("date").asString()
				+ " " + s.get("startTime").asString() + "-" + s.get("endTime").asString() + " "
				+ s.get("location").asString() + " " + s.get("capacity").asInt() + " " + s.get("seatsTaken").asInt())
			.containsExactly("1 " + newStart + " 09:00:00-17:00:00 A 12 0",
					"2 " + newStart.plusDays(1) + " 10:00:00-16:00:00 B 8 0",
					"3 " + newStart.plusDays(3) + " 09:30:00-12:00:00 A 5 0");
	}

	@Test
	void aRecurringSeriesIsCreatedInOneCall() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(6);
		LocalDate first = LocalDate.now().plusDays(15);
		JsonNode run = data.post("/workshops/" + workshop + "/runs",
				Map.of("name", "Weekly evenings", "recurrence", Map.of("firstDate", first.toString(), "startTime",
						"18:00", "endTime", "20:00", "timeZone", "Europe/Berlin", "everyDays", 7, "count", 4)));
		assertThat(run.get("sessions")).extracting((s) -> s.get("dayNumber").asInt() + " " + s.get("date").asString())
			.containsExactly("1 " + first, "2 " + first.plusDays(7), "3 " + first.plusDays(14),
					"4 " + first.plusDays(21));
		assertThat(run.get("sessions").get(0).get("capacity").asInt()).isEqualTo(6);
	}

	@Test
	void anInstructorInTwoOverlappingSessionsIsA409NamingTheSessionUntilItIsCancelled() {
		WorkshopData data = new WorkshopData(this.client);
		String instructor = "Lex " + System.nanoTime();
		long one = data.post("/workshops", Map.of("title", "One", "instructor", instructor, "location", "A"))
			.get("id")
			.asLong();
		long two = data.post("/workshops", Map.of("title", "Two", "instructor", instructor, "location", "B"))
			.get("id")
			.asLong();
		LocalDate day = LocalDate.now().plusDays(33);
		long taken = WorkshopData.sessionIds(data.post("/workshops/" + one + "/runs",
				Map.of("name", "r", "sessions", List.of(session(day, "09:00", "12:00", "A", 12)))))
			.get(0);

		this.client.post()
			.uri("/workshops/{id}/runs", two)
			.bodyValue(Map.of("name", "r", "sessions", List.of(session(day, "11:00", "13:00", "B", 12))))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.conflictingSessionId")
			.isEqualTo(taken);
		data.post("/workshops/" + two + "/runs",
				Map.of("name", "after", "sessions", List.of(session(day, "12:00", "13:00", "B", 12))));

		this.client.post().uri("/sessions/{id}/cancel", taken).exchange().expectStatus().isOk();
		data.post("/workshops/" + two + "/runs",
				Map.of("name", "r", "sessions", List.of(session(day, "10:00", "11:00", "B", 12))));
	}

	@Test
	void cancellingASessionCancelsItsEnrollmentsFirstEachWithItsOwnEvent() {
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(12));
		long user = TestData.newUserId();
		data.enroll(user, Map.of("sessionId", session)).expectStatus().isCreated();
		data.enroll(TestData.newUserId(), Map.of("sessionId", session)).expectStatus().isCreated();

		this.client.post()
			.uri("/sessions/{id}/cancel", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("cancelled")
			.jsonPath("$.seatsTaken")
			.isEqualTo(0);

		List<String> events = payloads(session);
		events.forEach(EventExamples.catalog()::assertMatchesExample);
		List<JsonNode> last = events.subList(3, 6).stream().map(json::readTree).toList();
		assertThat(last)
			.extracting((e) -> e.get("type").asString() + " v" + e.get("aggregateVersion").asLong() + " "
					+ e.get("data").get("seatsTaken").asInt())
			.containsExactly("enrollment.cancelled.v1 v4 1", "enrollment.cancelled.v1 v5 0",
					"session.cancelled.v1 v6 0");
		assertThat(last.get(0).get("data").get("reason").asString()).isEqualTo("session_cancelled");
		assertThat(last.get(2).get("data").get("cancelledEnrollments").asInt()).isEqualTo(2);
		data.enroll(user, Map.of("sessionId", session))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("cancelled");
	}

	@Test
	void anInactiveWorkshopTakesNoEnrollmentsAndShowsNoNextSessions() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(12);
		long session = data.session(workshop);
		this.client.patch()
			.uri("/workshops/{id}", workshop)
			.bodyValue(Map.of("active", false))
			.exchange()
			.expectStatus()
			.isOk();

		data.enroll(TestData.newUserId(), Map.of("sessionId", session))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("inactive");
		data.enroll(TestData.newUserId(), Map.of("workshopId", workshop)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		this.client.get()
			.uri("/workshops/{id}", workshop)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false)
			.jsonPath("$.nextSessions.length()")
			.isEqualTo(0);
	}

	@Test
	void aSessionWhoseEndHasPassedIsCompletedWithoutAnyJob() {
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(12));
		assertThat(session(session).get("status").asString()).isEqualTo("upcoming");
		this.database
			.sql("UPDATE workshop_session SET starts_at = now() - interval '2 days', "
					+ "ends_at = now() - interval '2 days' + interval '1 hour' WHERE id = :id")
			.bind("id", session)
			.then()
			.block();
		assertThat(session(session).get("status").asString()).isEqualTo("completed");
		data.enroll(TestData.newUserId(), Map.of("sessionId", session))
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.reason")
			.isEqualTo("started");
	}

	@Test
	void aPollingClientGets304UntilTheSessionChanges() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(12);
		long session = data.session(workshop);
		String etag = this.client.get()
			.uri("/sessions/{id}", session)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		assertThat(etag).isNotBlank();
		this.client.get()
			.uri("/sessions/{id}", session)
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isNotModified();
		this.client.get()
			.uri("/sessions?workshop={w}", workshop)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("ETag");

		data.enroll(TestData.newUserId(), Map.of("sessionId", session)).expectStatus().isCreated();
		this.client.get()
			.uri("/sessions/{id}", session)
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.seatsLeft")
			.isEqualTo(11);
	}

	@Test
	void availabilityFiltersByWorkshopLocationAndFreeSeats() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(1);
		long full = data.session(workshop);
		long free = data.session(workshop);
		data.enroll(TestData.newUserId(), Map.of("sessionId", full)).expectStatus().isCreated();
		this.client.get()
			.uri("/sessions?workshop={w}&hasFreeSeats=true&location=A", workshop)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of((int) free));
		this.client.get()
			.uri("/workshops/{w}", workshop)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.nextSessions[*].id")
			.isEqualTo(List.of((int) free));
		this.client.get()
			.uri("/workshops/{w}/runs", workshop)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(2);
	}

	@Test
	void movingASessionPublishesItsWholeStateAndCapacityNeverGoesBelowSeatsTaken() {
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(3));
		data.enroll(TestData.newUserId(), Map.of("sessionId", session)).expectStatus().isCreated();
		data.enroll(TestData.newUserId(), Map.of("sessionId", session)).expectStatus().isCreated();

		this.client.patch()
			.uri("/sessions/{id}", session)
			.bodyValue(Map.of("capacity", 1))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("capacity");
		this.client.patch()
			.uri("/sessions/{id}", session)
			.bodyValue(Map.of("startTime", "13:00", "endTime", "18:00", "location", "B", "capacity", 2))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("full")
			.jsonPath("$.location")
			.isEqualTo("B")
			.jsonPath("$.startTime")
			.isEqualTo("13:00:00");

		List<String> events = payloads(session);
		JsonNode updated = json.readTree(events.get(events.size() - 1));
		EventExamples.catalog().assertMatchesExample(events.get(events.size() - 1));
		assertThat(updated.get("type").asString()).isEqualTo("session.updated.v1");
		assertThat(updated.get("aggregateVersion").asLong()).isEqualTo(4);
		assertThat(updated.get("data").get("capacity").asInt()).isEqualTo(2);
		assertThat(updated.get("data").get("status").asString()).isEqualTo("full");
	}

	@Test
	void enrollmentOutcomesAreCountedFromZero() {
		double enrolled = counter("enrolled");
		double full = counter("full");
		double duplicate = counter("duplicate");
		double cancelled = counter("cancelled");
		WorkshopData data = new WorkshopData(this.client);
		long session = data.session(data.workshop(1));
		long user = TestData.newUserId();
		long enrollment = enrollment(data.enroll(user, Map.of("sessionId", session)));
		data.enroll(user, Map.of("sessionId", session)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		data.enroll(TestData.newUserId(), Map.of("sessionId", session)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
		this.client.post().uri("/enrollments/{id}/cancel", enrollment).exchange().expectStatus().isOk();

		assertThat(counter("enrolled") - enrolled).isEqualTo(1);
		assertThat(counter("duplicate") - duplicate).isEqualTo(1);
		assertThat(counter("full") - full).isEqualTo(1);
		assertThat(counter("cancelled") - cancelled).isEqualTo(1);
	}

	private double counter(String outcome) {
		return this.meters.get("coursehub.workshops.enrollments").tag("outcome", outcome).counter().count();
	}

	@Test
	void badInputIsA400NamingTheField() {
		WorkshopData data = new WorkshopData(this.client);
		this.client.post()
			.uri("/workshops")
			.bodyValue(Map.of("title", "x", "location", "C"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("location");
		long workshop = data.workshop(12);
		this.client.post()
			.uri("/workshops/{id}/runs", workshop)
			.bodyValue(Map.of("name", "r", "sessions",
					List.of(Map.of("date", "2030-01-01", "startTime", "09:00", "endTime", "10:00", "timeZone",
							"Mars/Base"))))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("sessions[0].timeZone");
		data.enroll(TestData.newUserId(), Map.of())
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("sessionId");
	}

	static Map<String, Object> session(LocalDate date, String start, String end, String location, int capacity) {
		return Map.of("date", date.toString(), "startTime", start, "endTime", end, "timeZone", "Europe/London",
				"location", location, "capacity", capacity);
	}

	private long enrollment(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("enrollments")
			.get(0)
			.get("id")
			.asLong();
	}

	private long enrolledSession(WebTestClient.ResponseSpec response) {
		return response.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("enrollments")
			.get(0)
			.get("sessionId")
			.asLong();
	}

	private JsonNode session(long id) {
		return this.client.get()
			.uri("/sessions/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private String statusAndSeatsLeft(long id) {
		JsonNode session = session(id);
		return session.get("status").asString() + " " + session.get("seatsLeft").asInt();
	}

	private long runOf(long session) {
		return session(session).get("runId").asLong();
	}

	private List<String> payloads(long session) {
		return this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE aggregate_type = 'session' "
					+ "AND aggregate_id = :id ORDER BY id")
			.bind("id", String.valueOf(session))
			.map((row) -> row.get("p", String.class))
			.all()
			.collectList()
			.block();
	}

}
