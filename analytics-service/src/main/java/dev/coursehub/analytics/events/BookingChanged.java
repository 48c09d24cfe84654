package dev.coursehub.analytics.events;

import org.jspecify.annotations.Nullable;

/**
 * Analytics' copy of {@code booking.confirmed.v1}, {@code booking.cancelled.v1} and
 * {@code booking.stream_changed.v1}: each carries the booking's whole state after the
 * change, which is what makes out-of-order delivery harmless.
 */
public record BookingChanged(long bookingId, long userId, long courseId, @Nullable String stream, String status) {

}
