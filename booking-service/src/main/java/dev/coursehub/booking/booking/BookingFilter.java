package dev.coursehub.booking.booking;

import java.time.Instant;

/** Filters of the booking list; null means "any". */
record BookingFilter(Long courseId, String stream, BookingStatus status, Long userId, Instant from, Instant to) {
}
