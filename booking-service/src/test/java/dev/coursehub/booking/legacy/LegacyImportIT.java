package dev.coursehub.booking.legacy;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class LegacyImportIT {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	long course;

	long base = System.nanoTime() % 1_000_000_000L * 10;

	long user = TestData.newUserId();

	@BeforeEach
	void catalog() {
		TestData data = new TestData(this.client);
		this.course = data.course();
		data.stream(this.course, "3rd_stream");
		data.stream(this.course, "4th_stream");
	}

	@Test
	void importsBookingsOnceReportingEveryRowItDidNotImport() {
		String csv = """
				id,user_id,course_id,course_stream,confirmed,created_at,referral_code,discount_percent,username,first_name
				%1$d,%2$d,1,3rd_stream,2,2025-09-02 14:15:00+00,FRIEND,10,anna,Анна
				%3$d,%2$d,1,4th_stream,1,2025-09-03T10:00:00Z,,,anna,
				%4$d,%2$d,1,3rd_stream,-1,2025-09-04 09:00:00,,0,,
				%5$d,%2$d,1,9th_stream,2,2025-09-04 09:00:00,,0,,
				%6$d,,1,3rd_stream,2,2025-09-04 09:00:00,,0,,
				%7$d,%2$d,1,3rd_stream,2,yesterday,,0,,
				%8$d,%2$d,2,3rd_stream,2,2025-09-04 09:00:00,,0,,
				"""
			.formatted(id(1), this.user, id(2), id(3), id(4), id(5), id(6), id(7));

		ImportReport first = upload("bookings", csv);
		assertThat(first.imported()).isEqualTo(3);
		assertThat(first.rejected()).isEqualTo(4);
		assertThat(first.problems()).extracting(ImportReport.Problem::line).containsExactly(5L, 6L, 7L, 8L);
		assertThat(first.problems()).extracting(ImportReport.Problem::reason)
			.anySatisfy((reason) -> assertThat(reason).contains("9th_stream"))
			.anySatisfy((reason) -> assertThat(reason).contains("user_id is required"))
			.anySatisfy((reason) -> assertThat(reason).contains("created_at is not a timestamp"))
			.anySatisfy((reason) -> assertThat(reason).contains("course_id 2"));

		ImportReport second = upload("bookings", csv);
		assertThat(second.imported()).isZero();
		assertThat(second.skipped()).isEqualTo(3);
		assertThat(count("SELECT count(*) AS n FROM booking WHERE user_id = :user")).isEqualTo(3);
		assertThat(count("SELECT count(*) AS n FROM booking WHERE user_id = :user AND status = 'confirmed'"))
			.isEqualTo(1);
		assertThat(count("""
				SELECT count(*) AS n FROM outbox_event
				WHERE event_type = 'booking.created.v1' AND (payload -> 'data' ->> 'userId')::bigint = :user
				""")).isEqualTo(3);
	}

	@Test
	void importsRegistrationsKeepingOnePerUserAndLessonType() {
		String csv = """
				id,user_id,username,first_name,email,registered_at,notification_sent,lesson_type,lesson_date
				%1$d,%2$d,maria,Мария,maria@example.com,2025-09-02 14:15:00+00,t,intro_to_python,2025-09-05
				%3$d,%2$d,maria,Мария,maria@example.com,2025-09-03 14:15:00+00,f,intro_to_python,2025-09-12
				%4$d,%2$d,maria,Мария,not-an-email,2025-09-03 14:15:00+00,f,advanced_python,
				""".formatted(id(11), this.user, id(12), id(13));

		ImportReport report = upload("free_lesson_registrations", csv);

		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.skipped()).isEqualTo(1);
		assertThat(report.rejected()).isEqualTo(1);
		assertThat(count("SELECT count(*) AS n FROM free_lesson_registration WHERE user_id = :user")).isEqualTo(1);
	}

	@Test
	void importsEventsWithTheirDetails() {
		String csv = """
				id,user_id,event_type,created_at,details
				%1$d,%2$d,lesson_link_clicked,2025-09-02 19:30:00+00,"{""lesson_type"": ""advanced_python""}"
				%3$d,%2$d,lesson_link_clicked,2025-09-02 19:31:00+00,not json
				""".formatted(id(21), this.user, id(22));

		ImportReport report = upload("events", csv);

		assertThat(report.imported()).isEqualTo(1);
		assertThat(report.rejected()).isEqualTo(1);
		assertThat(count("""
				SELECT count(*) AS n FROM user_activity
				WHERE user_id = :user AND details ->> 'lesson_type' = 'advanced_python'
				""")).isEqualTo(1);
	}

	@Test
	void refusesAnExportWithoutTheLegacyColumns() {
		this.client.post()
			.uri("/imports/events")
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("id,user_id\n1,2\n")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("created_at").contains("event_type"));
	}

	@Test
	void reportsProgressWhileALongImportRuns() {
		StringBuilder csv = new StringBuilder("id,user_id,event_type,created_at,details\n");
		for (int i = 0; i < 2500; i++) {
			csv.append(id(1000 + i))
				.append(',')
				.append(this.user)
				.append(",lesson_link_clicked,2025-09-02 19:30:00,\n");
		}
		List<ImportReport> reports = this.client.mutate()
			.responseTimeout(Duration.ofMinutes(2))
			.build()
			.post()
			.uri("/imports/events")
			.contentType(MediaType.parseMediaType("text/csv"))
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue(csv.toString())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(ImportReport.class)
			.getResponseBody()
			.collectList()
			.block();

		assertThat(reports).extracting(ImportReport::rows).containsExactly(1000L, 2000L, 2500L);
		assertThat(reports).extracting(ImportReport::done).containsExactly(false, false, true);
		assertThat(reports.get(2).imported()).isEqualTo(2500);
	}

	private long id(int n) {
		return this.base + n;
	}

	private ImportReport upload(String table, String csv) {
		return this.client.post()
			.uri("/imports/{table}?courseId={course}", table, this.course)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ImportReport.class)
			.returnResult()
			.getResponseBody();
	}

	private long count(String sql) {
		return this.database.sql(sql).bind("user", this.user).map((row) -> row.get("n", Long.class)).one().block();
	}

}
