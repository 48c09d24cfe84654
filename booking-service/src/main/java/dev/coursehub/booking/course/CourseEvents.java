package dev.coursehub.booking.course;

import java.time.Instant;
import java.time.LocalDate;

import dev.coursehub.servicekit.outbox.OutboxEvent;

/**
 * The facts courses and streams publish ({@code docs/events/course.*.json},
 * {@code stream.*.json}): consumers learn display names and stream states from them.
 */
final class CourseEvents {

	private CourseEvents() {
	}

	/** {@code course.created.v1}. */
	record CourseCreated(long courseId, String title) {

		static final String TYPE = "course.created.v1";

	}

	/**
	 * {@code stream.created.v1} and {@code stream.updated.v1}: the whole state after the
	 * change.
	 */
	record StreamState(long streamId, long courseId, String code, String name, LocalDate startsOn, LocalDate endsOn,
			Integer capacity, String status) {

	}

	static OutboxEvent created(Course course) {
		return OutboxEvent.of(CourseCreated.TYPE, "course", course.id(), 1, course.createdAt(),
				new CourseCreated(course.id(), course.title()));
	}

	static OutboxEvent streamCreated(CourseStream stream, Instant at) {
		return stream("stream.created.v1", stream, at);
	}

	static OutboxEvent streamUpdated(CourseStream stream, Instant at) {
		return stream("stream.updated.v1", stream, at);
	}

	private static OutboxEvent stream(String type, CourseStream stream, Instant at) {
		return OutboxEvent.of(type, "stream", stream.id(), stream.version(), at,
				new StreamState(stream.id(), stream.courseId(), stream.code(), stream.name(), stream.startsOn(),
						stream.endsOn(), stream.capacity(), stream.status()));
	}

}
