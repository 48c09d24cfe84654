package dev.coursehub.booking.idempotency;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

@BookingServiceIT
class IdempotencyIT {

	@Autowired
	WebTestClient client;

	@Autowired
	DatabaseClient database;

	@LocalServerPort
	int port;

	long course;

	long user = TestData.newUserId();

	@BeforeEach
	void catalog() {
		TestData data = new TestData(this.client);
		this.course = data.course();
		data.stream(this.course, "3rd_stream");
		data.stream(this.course, "4th_stream");
	}

	@Test
	void theSameKeyAndBodyReturnsTheFirstBookingAgain() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = booking("3rd_stream");

		long first = create(key, body).expectHeader()
			.valueEquals("Idempotency-Replayed", "false")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof Number id ? id.longValue() : -1;
		long second = create(key, body).expectHeader()
			.valueEquals("Idempotency-Replayed", "true")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof Number id ? id.longValue() : -2;

		assertThat(second).isEqualTo(first);
		assertThat(bookingsOfUser()).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIs422() {
		String key = UUID.randomUUID().toString();
		create(key, booking("3rd_stream"));

		this.client.post()
			.uri("/bookings")
			.header("Idempotency-Key", key)
			.bodyValue(booking("4th_stream"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("Idempotency-Key");
		assertThat(bookingsOfUser()).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyCreateOneBooking() {
		String key = UUID.randomUUID().toString();
		WebClient http = WebClient.create("http://localhost:" + this.port);
		List<Integer> statuses = Flux.range(0, 6)
			.flatMap(
					(i) -> http.post()
						.uri("/bookings")
						.header("Idempotency-Key", key)
						.bodyValue(booking("3rd_stream"))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					6)
			.collectList()
			.block();

		assertThat(statuses).containsOnly(201);
		assertThat(bookingsOfUser()).isEqualTo(1);
	}

	@Test
	void withoutAKeyEveryPostCreates() {
		this.client.post().uri("/bookings").bodyValue(booking("3rd_stream")).exchange().expectStatus().isCreated();
		this.client.post().uri("/bookings").bodyValue(booking("3rd_stream")).exchange().expectStatus().isCreated();
		assertThat(bookingsOfUser()).isEqualTo(2);
	}

	private WebTestClient.ResponseSpec create(String key, Map<String, Object> body) {
		return this.client.post()
			.uri("/bookings")
			.header("Idempotency-Key", key)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private Map<String, Object> booking(String stream) {
		return Map.of("userId", this.user, "courseId", this.course, "stream", stream);
	}

	private long bookingsOfUser() {
		return this.database.sql("SELECT count(*) AS n FROM booking WHERE user_id = :user")
			.bind("user", this.user)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

}
