package dev.coursehub.booking.booking;

import java.time.Instant;

/** A row of the legacy {@code bookings} table, mapped to CourseHub's course. */
public record LegacyBooking(long legacyId, long userId, String username, String firstName, long courseId, String stream,
		BookingStatus status, String referralCode, int discountPercent, Instant createdAt) {
}
