package dev.coursehub.booking.booking;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BookingStatusTests {

	@ParameterizedTest
	@CsvSource({ "pending, confirmed, true", "pending, cancelled, true", "confirmed, cancelled, true",
			"confirmed, pending, false", "cancelled, pending, false", "cancelled, confirmed, false",
			"pending, pending, false", "confirmed, confirmed, false", "cancelled, cancelled, false" })
	void allowsOnlyTheLegacyMoves(String from, String to, boolean allowed) {
		assertThat(BookingStatus.of(from).canMoveTo(BookingStatus.of(to))).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "1, pending", "2, confirmed", "-1, cancelled" })
	void mapsLegacyCodes(int code, String word) {
		assertThat(BookingStatus.ofLegacyCode(code).word()).isEqualTo(word);
		assertThat(BookingStatus.of(word).legacyCode()).isEqualTo(code);
	}

}
