package dev.coursehub.booking.course;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the course API. */
final class CourseRequests {

	private CourseRequests() {
	}

	record NewCourse(@NotBlank @Size(max = 200) String title) {
	}

	record NewStream(
			@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_]{0,63}",
					message = "must be lower-case letters, digits and underscores, at most 64") String code,
			@NotBlank @Size(max = 200) String name, LocalDate startsOn, LocalDate endsOn, @Positive Integer capacity) {
	}

	record RenameStream(@NotBlank @Size(max = 200) String name) {
	}

}
