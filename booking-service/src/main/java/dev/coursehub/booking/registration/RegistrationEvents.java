package dev.coursehub.booking.registration;

import java.time.Instant;
import java.time.LocalDate;

import dev.coursehub.servicekit.outbox.OutboxEvent;

/**
 * {@code registration.created.v1} and {@code registration.updated.v1}: no email, no
 * names.
 */
final class RegistrationEvents {

	private RegistrationEvents() {
	}

	record RegistrationChanged(long registrationId, long userId, String lessonType, LocalDate lessonDate,
			boolean notificationSent, Instant registeredAt) {
	}

	static OutboxEvent of(Registration registration, boolean created) {
		String type = created ? "registration.created.v1" : "registration.updated.v1";
		return OutboxEvent.of(type, "registration", registration.id(), registration.version(), Instant.now(),
				new RegistrationChanged(registration.id(), registration.userId(), registration.lessonType(),
						registration.lessonDate(), registration.notificationSent(), registration.registeredAt()));
	}

}
