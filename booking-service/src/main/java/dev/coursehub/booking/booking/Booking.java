package dev.coursehub.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;

/** A user's booking of a course stream. */
public record Booking(long id, long userId, long courseId, String stream, BookingStatus status, String referralCode,
		int discountPercent, BigDecimal price, Instant createdAt, Instant updatedAt, long version) {
}
