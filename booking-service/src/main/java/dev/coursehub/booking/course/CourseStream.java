package dev.coursehub.booking.course;

import java.time.LocalDate;

/**
 * A cohort of a course: a stable code ({@code 3rd_stream}) used everywhere, and a display
 * name ("3-й поток") admins may change.
 */
public record CourseStream(long id, long courseId, String code, String name, LocalDate startsOn, LocalDate endsOn,
		Integer capacity, String status, long version) {

	public boolean isOpen() {
		return "open".equals(this.status);
	}

}
