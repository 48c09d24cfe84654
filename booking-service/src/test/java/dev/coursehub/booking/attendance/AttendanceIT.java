package dev.coursehub.booking.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.booking.workshop.WorkshopData;
import dev.coursehub.testkit.EventExamples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class AttendanceIT {

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Test
	void bulkMarksGiveTheSessionReportAndCertificatesForThoseWhoAttendedEverySession() {
		WorkshopData data = new WorkshopData(this.client);
		JsonNode run = data.run(data.workshop(12), LocalDate.now().plusDays(90), 2);
		long runId = run.get("id").asLong();
		List<Long> sessions = WorkshopData.sessionIds(run);
		long alice = TestData.newUserId();
		long bob = TestData.newUserId();
		long carol = TestData.newUserId();
		List<Long> aliceSeats = enrollmentIds(data.enroll(alice, Map.of("runId", runId)));
		List<Long> bobSeats = enrollmentIds(data.enroll(bob, Map.of("runId", runId)));
		long carolSeat = enrollmentIds(data.enroll(carol, Map.of("sessionId", sessions.get(0)))).get(0);

		mark(sessions.get(0),
				List.of(mark(aliceSeats.get(0), "present"), mark(bobSeats.get(0), "late"), mark(carolSeat, "absent")))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totals.enrolled")
			.isEqualTo(3)
			.jsonPath("$.totals.present")
			.isEqualTo(1)
			.jsonPath("$.totals.late")
			.isEqualTo(1)
			.jsonPath("$.totals.absent")
			.isEqualTo(1)
			.jsonPath("$.totals.unmarked")
			.isEqualTo(0);
		mark(sessions.get(1), List.of(mark(aliceSeats.get(1), "present"), mark(bobSeats.get(1), "absent")))
			.expectStatus()
			.isOk();

		JsonNode certificates = this.client.get()
			.uri("/attendance/runs/{id}/certificates", runId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(certificates.get("sessions").asLong()).isEqualTo(2);
		Map<Long, Boolean> eligible = new java.util.HashMap<>();
		certificates.get("participants")
			.forEach((p) -> eligible.put(p.get("userId").asLong(), p.get("eligible").asBoolean()));
		assertThat(eligible).containsExactlyInAnyOrderEntriesOf(Map.of(alice, true, bob, false, carol, false));

		List<JsonNode> events = this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE aggregate_type = 'run' AND aggregate_id = :id "
					+ "ORDER BY id")
			.bind("id", String.valueOf(runId))
			.map((row) -> row.get("p", String.class))
			.all()
			.doOnNext(EventExamples.catalog()::assertMatchesExample)
			.map(json::readTree)
			.collectList()
			.block();
		assertThat(events)
			.extracting((e) -> e.get("type").asString() + " v" + e.get("aggregateVersion").asLong() + " eligible "
					+ e.get("data").get("run").get("certificateEligible").asLong())
			.containsExactly("attendance.marked.v1 v2 eligible 0", "attendance.marked.v1 v3 eligible 1");
	}

	@Test
	void anEnrollmentOfAnotherSessionIsA422AndNothingIsMarked() {
		WorkshopData data = new WorkshopData(this.client);
		long workshop = data.workshop(12);
		long session = data.session(workshop);
		long other = data.session(workshop);
		long mine = enrollmentIds(data.enroll(TestData.newUserId(), Map.of("sessionId", session))).get(0);
		long theirs = enrollmentIds(data.enroll(TestData.newUserId(), Map.of("sessionId", other))).get(0);

		mark(session, List.of(mark(mine, "present"), mark(theirs, "present"))).expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("marks");
		this.client.get()
			.uri("/attendance/sessions/{id}", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totals.unmarked")
			.isEqualTo(1);
		mark(session, List.of(mark(mine, "asleep"))).expectStatus().isBadRequest();
	}

	private WebTestClient.ResponseSpec mark(long session, List<Map<String, Object>> marks) {
		return this.client.post()
			.uri("/attendance/sessions/{id}", session)
			.bodyValue(Map.of("marks", marks))
			.exchange();
	}

	private static Map<String, Object> mark(long enrollment, String status) {
		return Map.of("enrollmentId", enrollment, "status", status);
	}

	private static List<Long> enrollmentIds(WebTestClient.ResponseSpec response) {
		JsonNode body = response.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
		List<Long> ids = new java.util.ArrayList<>();
		body.get("enrollments").forEach((e) -> ids.add(e.get("id").asLong()));
		return ids;
	}

}
