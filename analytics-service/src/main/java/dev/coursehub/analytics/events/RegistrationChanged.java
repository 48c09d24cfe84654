package dev.coursehub.analytics.events;

import java.time.Instant;

/**
 * Analytics' copy of {@code registration.created.v1} and {@code registration.updated.v1}.
 */
public record RegistrationChanged(long registrationId, long userId, String lessonType, Instant registeredAt) {

}
