package dev.coursehub.booking.registration;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A registration for a free lesson; {@code userId} comes from the body on the admin API
 * and from the gateway's verified header on {@code /me/registrations}.
 */
public record RegistrationRequest(@Positive Long userId, @Size(max = 64) String username,
		@Size(max = 128) String firstName, @NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
				message = "must be 1-64 letters, digits, '_', '.' or '-'") String lessonType,
		LocalDate lessonDate) {

	RegistrationRequest forUser(long verifiedUserId) {
		return new RegistrationRequest(verifiedUserId, this.username, this.firstName, this.email, this.lessonType,
				this.lessonDate);
	}

}
