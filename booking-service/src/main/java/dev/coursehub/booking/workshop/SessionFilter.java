package dev.coursehub.booking.workshop;

import java.time.Instant;

/** Availability search: every value is optional. */
record SessionFilter(Instant from, Instant to, Long workshop, String location, String instructor, Boolean hasFreeSeats,
		int limit) {
}
