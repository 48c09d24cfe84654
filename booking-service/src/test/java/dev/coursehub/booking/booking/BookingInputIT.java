package dev.coursehub.booking.booking;

import dev.coursehub.booking.BookingServiceIT;
import dev.coursehub.booking.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad input is a 400 or 413 problem naming the field, never a 500. */
@BookingServiceIT
class BookingInputIT {

	@Autowired
	WebTestClient client;

	long course;

	@BeforeEach
	void catalog() {
		TestData data = new TestData(this.client);
		this.course = data.course();
		data.stream(this.course, "3rd_stream");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "unknown field | \"stream\":\"3rd_stream\",\"admin\":true | admin",
			"wrong type | \"stream\":\"3rd_stream\",\"discountPercent\":\"lots\" | discountPercent",
			"fraction for a whole number | \"stream\":\"3rd_stream\",\"discountPercent\":12.5 | discountPercent",
			"discount above 100 | \"stream\":\"3rd_stream\",\"discountPercent\":101 | discountPercent",
			"negative discount | \"stream\":\"3rd_stream\",\"discountPercent\":-1 | discountPercent",
			"empty stream | \"stream\":\"\" | stream", "blank stream | \"stream\":\"   \" | stream",
			"missing stream | \"price\":100 | stream",
			"negative price | \"stream\":\"3rd_stream\",\"price\":-5 | price",
			"unknown status | \"stream\":\"3rd_stream\",\"status\":\"paid\" | status",
			"unknown stream | \"stream\":\"9th_stream\" | stream",
			"empty referral code | \"stream\":\"3rd_stream\",\"referralCode\":\"\" | referralCode" })
	void answersBadFieldsWithAProblemNamingTheField(String what, String fields, String field) {
		post("{\"userId\":42,\"courseId\":" + this.course + "," + fields + "}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field)
			.jsonPath("$.status")
			.isEqualTo(400);
	}

	@Test
	void answersMalformedJsonWith400() {
		post("{\"userId\":42,").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersAnOversizedBodyWith413() {
		String huge = "x".repeat(300 * 1024);
		post("{\"userId\":42,\"courseId\":" + this.course + ",\"stream\":\"" + huge + "\"}").expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void answersAnUnknownCourseAsABadField() {
		post("{\"userId\":42,\"courseId\":999999999,\"stream\":\"3rd_stream\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("courseId");
	}

	@Test
	void answersAMissingBookingWith404Problem() {
		this.client.get()
			.uri("/bookings/987654321")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.ResponseSpec post(String json) {
		return this.client.post().uri("/bookings").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

}
