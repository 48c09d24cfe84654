package dev.coursehub.booking.user;

import java.time.Instant;

/**
 * {@code user.updated.v1}: a user appeared or a known field changed. No email: no
 * consumer needs it, and personal data stays where it is needed.
 */
public record UserUpdated(long userId, String username, String firstName, Instant firstSeenAt) {

	public static final String TYPE = "user.updated.v1";

}
