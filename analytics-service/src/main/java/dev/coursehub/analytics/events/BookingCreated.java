package dev.coursehub.analytics.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Analytics' copy of {@code booking.created.v1}: only the fields the figures read. */
public record BookingCreated(long bookingId, long userId, long courseId, @Nullable String stream, String status,
		Instant createdAt) {

}
