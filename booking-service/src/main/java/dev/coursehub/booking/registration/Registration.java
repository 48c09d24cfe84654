package dev.coursehub.booking.registration;

import java.time.Instant;
import java.time.LocalDate;

/** A user's registration for a free lesson. */
public record Registration(long id, long userId, String email, String lessonType, LocalDate lessonDate,
		boolean notificationSent, Instant registeredAt, long version) {
}
