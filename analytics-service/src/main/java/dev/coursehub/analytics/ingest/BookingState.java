package dev.coursehub.analytics.ingest;

import org.jspecify.annotations.Nullable;

/** A booking as the newest event of it seen so far describes it. */
record BookingState(long bookingId, long userId, long courseId, @Nullable String stream, String status, long version) {

	boolean confirmed() {
		return "confirmed".equals(this.status);
	}

}
