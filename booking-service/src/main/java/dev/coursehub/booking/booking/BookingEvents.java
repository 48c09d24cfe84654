package dev.coursehub.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;

import dev.coursehub.servicekit.outbox.OutboxEvent;

/** The facts a booking publishes ({@code docs/events/booking.*.json}). */
final class BookingEvents {

	static final String AGGREGATE = "booking";

	private BookingEvents() {
	}

	/** {@code booking.created.v1}. */
	record BookingCreated(long bookingId, long userId, long courseId, String stream, String status, BigDecimal price,
			int discountPercent, String referralCode, Instant createdAt) {

		static final String TYPE = "booking.created.v1";

	}

	/** {@code booking.confirmed.v1} and {@code booking.cancelled.v1}. */
	record BookingStatusChanged(long bookingId, long userId, long courseId, String stream, String previousStatus,
			String status) {

	}

	/** {@code booking.stream_changed.v1}. */
	record BookingStreamChanged(long bookingId, long userId, long courseId, String previousStream, String stream,
			String status) {

		static final String TYPE = "booking.stream_changed.v1";

	}

	static OutboxEvent created(Booking booking) {
		return OutboxEvent.of(BookingCreated.TYPE, AGGREGATE, booking.id(), booking.version(), booking.createdAt(),
				new BookingCreated(booking.id(), booking.userId(), booking.courseId(), booking.stream(),
						booking.status().word(), booking.price(), booking.discountPercent(), booking.referralCode(),
						booking.createdAt()));
	}

	static OutboxEvent statusChanged(Booking booking, BookingStatus previous) {
		String type = "booking." + booking.status().word() + ".v1";
		return OutboxEvent.of(type, AGGREGATE, booking.id(), booking.version(), booking.updatedAt(),
				new BookingStatusChanged(booking.id(), booking.userId(), booking.courseId(), booking.stream(),
						previous.word(), booking.status().word()));
	}

	static OutboxEvent streamChanged(Booking booking, String previousStream) {
		return OutboxEvent.of(BookingStreamChanged.TYPE, AGGREGATE, booking.id(), booking.version(),
				booking.updatedAt(), new BookingStreamChanged(booking.id(), booking.userId(), booking.courseId(),
						previousStream, booking.stream(), booking.status().word()));
	}

}
