package dev.coursehub.booking.user;

import java.time.Instant;

/**
 * What one source (a booking, a registration, an activity, an import) knows about a user.
 * Blank values mean "unknown" and never overwrite a known one.
 */
public record UserFacts(long userId, String username, String firstName, String email, Instant seenAt) {

	public UserFacts {
		username = clean(username);
		firstName = clean(firstName);
		email = clean(email);
	}

	public static UserFacts idOnly(long userId, Instant seenAt) {
		return new UserFacts(userId, null, null, null, seenAt);
	}

	private static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
