package dev.coursehub.booking.booking;

import java.util.Map;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A user's own bookings: the verified X-User-Id decides, never the body. */
@BookingServiceIT
class MyBookingsIT {

	@Autowired
	WebTestClient client;

	long course;

	long me = TestData.newUserId();

	long other = TestData.newUserId();

	@BeforeEach
	void catalog() {
		TestData data = new TestData(this.client);
		this.course = data.course();
		data.stream(this.course, "3rd_stream");
	}

	@Test
	void booksForTheVerifiedUserWhateverTheBodySays() {
		this.client.post()
			.uri("/me/bookings")
			.header("X-User-Id", String.valueOf(this.me))
			.bodyValue(Map.of("userId", this.other, "courseId", this.course, "stream", "3rd_stream", "status",
					"confirmed"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(this.me)
			.jsonPath("$.status")
			.isEqualTo("pending");
	}

	@Test
	void seesAndCancelsOnlyTheirOwnBookings() {
		long mine = book(this.me);
		long theirs = book(this.other);

		this.client.get()
			.uri("/me/bookings")
			.header("X-User-Id", String.valueOf(this.me))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(mine);
		this.client.get()
			.uri("/me/bookings/{id}", theirs)
			.header("X-User-Id", String.valueOf(this.me))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri("/me/bookings/{id}/cancel", theirs)
			.header("X-User-Id", String.valueOf(this.me))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri("/me/bookings/{id}/cancel", mine)
			.header("X-User-Id", String.valueOf(this.me))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("cancelled");
	}

	private long book(long user) {
		return this.client.post()
			.uri("/me/bookings")
			.header("X-User-Id", String.valueOf(user))
			.bodyValue(Map.of("courseId", this.course, "stream", "3rd_stream"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id") instanceof Number id ? id.longValue() : -1;
	}

}
