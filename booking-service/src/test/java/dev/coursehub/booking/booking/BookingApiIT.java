package dev.coursehub.booking.booking;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import dev.coursehub.testkit.EventExamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class BookingApiIT {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@LocalServerPort
	int port;

	TestData data;

	long course;

	long user = TestData.newUserId();

	@BeforeEach
	void catalog() {
		this.data = new TestData(this.client);
		this.course = this.data.course();
		this.data.stream(this.course, "3rd_stream");
		this.data.stream(this.course, "4th_stream");
	}

	@Test
	void createsAPendingBookingAndItsEventsInOneTransaction() {
		JsonNode booking = this.data.booking(this.user, this.course, "3rd_stream");

		assertThat(booking.get("status").asString()).isEqualTo("pending");
		assertThat(booking.get("stream").asString()).isEqualTo("3rd_stream");
		List<String> events = outboxPayloads(booking.get("id").asString());
		assertThat(events).hasSize(1);
		EventExamples.catalog().assertMatchesExample(events.get(0));
		List<String> userEvents = outboxPayloads(String.valueOf(this.user));
		assertThat(userEvents).hasSize(1);
		EventExamples.catalog().assertMatchesExample(userEvents.get(0));
	}

	@Test
	void movesThroughTheAllowedStatusesAndPublishesEachMove() {
		String id = this.data.booking(this.user, this.course, "3rd_stream").get("id").asString();

		changeStatus(id, "confirmed").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("confirmed");
		changeStatus(id, "cancelled").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("cancelled");

		List<String> events = outboxPayloads(id);
		assertThat(events).hasSize(3);
		events.forEach(EventExamples.catalog()::assertMatchesExample);
		assertThat(events).extracting((json) -> json.contains("booking.cancelled.v1"))
			.containsExactly(false, false, true);
	}

	@Test
	void refusesAMoveTheStatusMachineForbidsNamingTheCurrentStatus() {
		String id = this.data.booking(this.user, this.course, "3rd_stream").get("id").asString();
		changeStatus(id, "cancelled").expectStatus().isOk();

		changeStatus(id, "confirmed").expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.currentStatus")
			.isEqualTo("cancelled");
		changeStatus(id, "pending").expectStatus().isEqualTo(HttpStatus.CONFLICT);
		assertThat(outboxPayloads(id)).hasSize(2);
	}

	@Test
	void concurrentCancellationsCancelOnceAndPublishOnce() {
		String id = this.data.booking(this.user, this.course, "3rd_stream").get("id").asString();

		WebClient http = WebClient.create("http://localhost:" + this.port);
		List<Integer> statuses = Flux.range(0, 8)
			.flatMap(
					(i) -> http.post()
						.uri("/bookings/{id}/status", id)
						.bodyValue(Map.of("status", "cancelled"))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					8)
			.collectList()
			.block();

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(7);
		assertThat(outboxPayloads(id)).filteredOn((json) -> json.contains("booking.cancelled.v1")).hasSize(1);
	}

	@Test
	void movesABookingToAnotherStreamOfItsCourse() {
		String id = this.data.booking(this.user, this.course, "3rd_stream").get("id").asString();

		this.client.post()
			.uri("/bookings/{id}/stream", id)
			.bodyValue(Map.of("stream", "4th_stream"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stream")
			.isEqualTo("4th_stream");
		this.client.post()
			.uri("/bookings/{id}/stream", id)
			.bodyValue(Map.of("stream", "no_such_stream"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("stream");
		List<String> events = outboxPayloads(id);
		assertThat(events).hasSize(2);
		EventExamples.catalog().assertMatchesExample(events.get(1));
	}

	@Test
	void refusesBookingsIntoAClosedStream() {
		this.client.post().uri("/courses/{id}/streams/3rd_stream/close", this.course).exchange().expectStatus().isOk();

		this.client.post()
			.uri("/bookings")
			.bodyValue(Map.of("userId", this.user, "courseId", this.course, "stream", "3rd_stream"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("stream");
	}

	@Test
	void listsBookingsNewestFirstWithFiltersAndCursors() {
		IntStream.range(0, 5).forEach((i) -> this.data.booking(this.user, this.course, "3rd_stream"));
		this.data.booking(this.user, this.course, "4th_stream");

		JsonNode first = page("/bookings?course=" + this.course + "&stream=3rd_stream&limit=3");
		assertThat(first.get("items")).hasSize(3);
		JsonNode second = page("/bookings?course=" + this.course + "&stream=3rd_stream&limit=3&cursor="
				+ first.get("nextCursor").asString());
		assertThat(second.get("items")).hasSize(2);
		assertThat(second.get("nextCursor").isNull()).isTrue();
		assertThat(first.get("items").get(0).get("id").asLong())
			.isGreaterThan(second.get("items").get(0).get("id").asLong());
		assertThat(page("/bookings?course=" + this.course + "&status=confirmed").get("items")).isEmpty();
		this.client.get()
			.uri("/bookings?status=paid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("status");
		this.client.get().uri("/bookings?cursor=garbage").exchange().expectStatus().isBadRequest();
	}

	private WebTestClient.ResponseSpec changeStatus(String id, String status) {
		return this.client.post().uri("/bookings/{id}/status", id).bodyValue(Map.of("status", status)).exchange();
	}

	private JsonNode page(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private List<String> outboxPayloads(String aggregateId) {
		return this.database.sql(
				"SELECT payload::text AS p FROM outbox_event WHERE aggregate_type IN ('booking', 'user') AND aggregate_id = :id ORDER BY id")
			.bind("id", aggregateId)
			.map((row) -> row.get("p", String.class))
			.all()
			.collectList()
			.block();
	}

}
