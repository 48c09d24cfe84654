package dev.coursehub.booking.course;

import java.util.List;
import java.util.Map;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.testkit.EventExamples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class CourseApiIT {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@Test
	void publishesTheCourseAndEveryStreamChangeWithIncreasingVersions() {
		TestData data = new TestData(this.client);
		long course = data.course();
		this.client.post()
			.uri("/courses/{id}/streams", course)
			.bodyValue(Map.of("code", "3rd_stream", "name", "3-й поток", "startsOn", "2026-12-01", "capacity", 40))
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.patch()
			.uri("/courses/{id}/streams/3rd_stream", course)
			.bodyValue(Map.of("name", "3-й поток (вечерний)"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.post().uri("/courses/{id}/streams/3rd_stream/close", course).exchange().expectStatus().isOk();

		List<String> courseEvents = payloads("course", String.valueOf(course));
		assertThat(courseEvents).singleElement().asString().contains("\"course.created.v1\"");
		courseEvents.forEach(EventExamples.catalog()::assertMatchesExample);

		String streamId = this.database.sql("SELECT id FROM course_stream WHERE course_id = :course")
			.bind("course", course)
			.map((row) -> String.valueOf(row.get("id", Long.class)))
			.one()
			.block();
		List<String> streamEvents = payloads("stream", streamId);
		assertThat(streamEvents).hasSize(3);
		streamEvents.forEach(EventExamples.catalog()::assertMatchesExample);
		assertThat(streamEvents.get(0)).contains("\"stream.created.v1\"", "\"aggregateVersion\": 1", "\"3-й поток\"");
		assertThat(streamEvents.get(1)).contains("\"stream.updated.v1\"", "\"aggregateVersion\": 2",
				"\"3-й поток (вечерний)\"", "\"status\": \"open\"");
		assertThat(streamEvents.get(2)).contains("\"stream.updated.v1\"", "\"aggregateVersion\": 3",
				"\"status\": \"closed\"");
	}

	@Test
	void aRejectedStreamPublishesNothing() {
		TestData data = new TestData(this.client);
		long course = data.course();
		data.stream(course, "1st_stream");
		this.client.post()
			.uri("/courses/{id}/streams", course)
			.bodyValue(Map.of("code", "1st_stream", "name", "again"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT);
		this.client.patch()
			.uri("/courses/{id}/streams/no_such_stream", course)
			.bodyValue(Map.of("name", "x"))
			.exchange()
			.expectStatus()
			.isNotFound();

		long streamEvents = this.database
			.sql("SELECT count(*) AS n FROM outbox_event o JOIN course_stream s ON o.aggregate_type = 'stream' "
					+ "AND o.aggregate_id = s.id::text WHERE s.course_id = :course")
			.bind("course", course)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
		assertThat(streamEvents).isEqualTo(1);
	}

	private List<String> payloads(String aggregateType, String aggregateId) {
		return this.database
			.sql("SELECT payload::text AS p FROM outbox_event WHERE aggregate_type = :type "
					+ "AND aggregate_id = :id ORDER BY id")
			.bind("type", aggregateType)
			.bind("id", aggregateId)
			.map((row) -> row.get("p", String.class))
			.all()
			.collectList()
			.block();
	}

}
