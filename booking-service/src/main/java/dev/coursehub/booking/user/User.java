package dev.coursehub.booking.user;

import java.time.Instant;

/** A user as admins see them. */
public record User(long id, String username, String firstName, String email, Instant firstSeenAt) {
}
