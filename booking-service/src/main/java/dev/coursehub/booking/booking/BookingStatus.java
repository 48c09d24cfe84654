package dev.coursehub.booking.booking;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Status of a booking, as the API speaks it; {@link #legacyCode()} is the legacy
 * dashboard's {@code confirmed} column (1, 2, -1).
 */
public enum BookingStatus {

	PENDING("pending", 1), CONFIRMED("confirmed", 2), CANCELLED("cancelled", -1);

	private final String word;

	private final int legacyCode;

	BookingStatus(String word, int legacyCode) {
		this.word = word;
		this.legacyCode = legacyCode;
	}

	@JsonValue
	public String word() {
		return this.word;
	}

	public int legacyCode() {
		return this.legacyCode;
	}

	/** The statuses a booking may move to this one from. */
	public Set<BookingStatus> allowedFrom() {
		return switch (this) {
			case PENDING -> EnumSet.noneOf(BookingStatus.class);
			case CONFIRMED -> EnumSet.of(PENDING);
			case CANCELLED -> EnumSet.of(PENDING, CONFIRMED);
		};
	}

	public boolean canMoveTo(BookingStatus target) {
		return target.allowedFrom().contains(this);
	}

	@JsonCreator
	public static BookingStatus of(String word) {
		return Arrays.stream(values())
			.filter((status) -> status.word.equals(word))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("must be one of pending, confirmed, cancelled"));
	}

	public static BookingStatus ofLegacyCode(int code) {
		return Arrays.stream(values())
			.filter((status) -> status.legacyCode == code)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown legacy status " + code));
	}

}
