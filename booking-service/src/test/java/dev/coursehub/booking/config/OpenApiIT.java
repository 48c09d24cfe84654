package dev.coursehub.booking.config;

import java.time.Duration;

import dev.coursehub.booking.BookingServiceIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@BookingServiceIT
class OpenApiIT {

	@Autowired
	WebTestClient client;

	@Test
	void describesTheApiAsOpenApi3() {
		// the first request builds the document (every controller scanned): 9 s were seen
		// on
		// a machine with load average 15, past the client's default 5 s
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openapi")
			.value((version) -> org.assertj.core.api.Assertions.assertThat((String) version).startsWith("3."))
			.jsonPath("$.paths['/bookings'].post")
			.exists()
			.jsonPath("$.paths['/me/bookings/{id}/cancel'].post")
			.exists()
			.jsonPath("$.paths['/users/search'].get")
			.exists()
			.jsonPath("$.paths['/me/enrollments'].post")
			.exists()
			.jsonPath("$.paths['/workshops/{id}/runs'].post")
			.exists()
			.jsonPath("$.paths['/attendance/sessions/{id}'].post")
			.exists()
			.jsonPath("$.components.schemas.NewBooking.properties.discountPercent.maximum")
			.isEqualTo(100);
	}

}
