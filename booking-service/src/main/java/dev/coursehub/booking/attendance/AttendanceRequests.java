package dev.coursehub.booking.attendance;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the attendance API. */
final class AttendanceRequests {

	private AttendanceRequests() {
	}

	/** Marks for some enrollments of one session. */
	record Marks(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Mark> marks) {
	}

	record Mark(@NotNull Long enrollmentId, @NotNull @Pattern(regexp = "present|absent|late",
			message = "must be present, absent or late") String status) {
	}

}
