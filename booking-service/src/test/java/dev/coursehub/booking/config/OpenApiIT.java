package dev.coursehub.booking.config;

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
		this.client.get()
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
			.jsonPath("$.components.schemas.NewBooking.properties.discountPercent.maximum")
			.isEqualTo(100);
	}

}
