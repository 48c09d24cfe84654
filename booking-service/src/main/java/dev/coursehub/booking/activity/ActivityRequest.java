package dev.coursehub.booking.activity;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Something a user did, e.g. {@code lesson_link_clicked} with {@code {"lesson_type":
 * "intro_to_python"}}. Details are a JSON object of at most 4 KiB.
 */
record ActivityRequest(@Positive Long userId, @Size(max = 64) String username, @Size(max = 128) String firstName,
		@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,63}",
				message = "must be lower-case letters, digits and underscores, at most 64") String type,
		Instant occurredAt, Map<String, Object> details) {

	ActivityRequest forUser(long verifiedUserId) {
		return new ActivityRequest(verifiedUserId, this.username, this.firstName, this.type, this.occurredAt,
				this.details);
	}

}
