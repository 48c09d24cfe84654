package dev.coursehub.booking.workshop;

import java.time.Instant;

/** A session about to be inserted. */
record PlannedSession(int dayNumber, Instant startsAt, Instant endsAt, String timeZone, String location,
		String instructor, int capacity) {
}
