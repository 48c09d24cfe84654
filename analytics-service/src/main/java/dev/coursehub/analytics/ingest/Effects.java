package dev.coursehub.analytics.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.coursehub.analytics.events.ActivityRecorded;
import dev.coursehub.analytics.events.AttendanceMarked;
import dev.coursehub.analytics.events.BookingChanged;
import dev.coursehub.analytics.events.BookingCreated;
import dev.coursehub.analytics.events.CourseCreated;
import dev.coursehub.analytics.events.Envelope;
import dev.coursehub.analytics.events.EventReader;
import dev.coursehub.analytics.events.RegistrationChanged;
import dev.coursehub.analytics.events.SessionScheduled;
import dev.coursehub.analytics.events.SessionSeats;
import dev.coursehub.analytics.events.StreamChanged;
import dev.coursehub.servicekit.RejectedRecordException;

/**
 * What each event type does to the figures of a generation. The event is read (and
 * rejected if it breaks the contract) before any database work starts.
 */
@Component
class Effects {

	/** The event types that change figures; any other type is skipped. */
	static final List<String> TYPES = List.of("booking.created.v1", "booking.confirmed.v1", "booking.cancelled.v1",
			"booking.stream_changed.v1", "registration.created.v1", "registration.updated.v1", "activity.recorded.v1",
			"course.created.v1", "stream.created.v1", "stream.updated.v1", "session.created.v1", "session.updated.v1",
			"session.cancelled.v1", "enrollment.created.v1", "enrollment.cancelled.v1", "attendance.marked.v1");

	private final BookingFigures bookings;

	private final UserFigures users;

	private final LessonFigures lessons;

	private final SessionFigures sessions;

	private final NameFigures names;

	Effects(BookingFigures bookings, UserFigures users, LessonFigures lessons, SessionFigures sessions,
			NameFigures names) {
		this.bookings = bookings;
		this.users = users;
		this.lessons = lessons;
		this.sessions = sessions;
		this.names = names;
	}

	/**
	 * The effect of an event on one generation, or null for a type analytics does not
	 * use.
	 */
	@Nullable Effect of(Envelope event) {
		long version = event.aggregateVersion();
		switch (event.type()) {
			case "booking.created.v1": {
				BookingCreated created = EventReader.data(event, BookingCreated.class);
				BookingState state = new BookingState(created.bookingId(), created.userId(), created.courseId(),
						created.stream(), EventReader.status(created.status()), version);
				return (g) -> this.users.seen(g, created.userId(), created.createdAt())
					.then(this.bookings.apply(g, state));
			}
			case "booking.confirmed.v1", "booking.cancelled.v1", "booking.stream_changed.v1": {
				BookingChanged changed = EventReader.data(event, BookingChanged.class);
				BookingState state = new BookingState(changed.bookingId(), changed.userId(), changed.courseId(),
						changed.stream(), EventReader.status(changed.status()), version);
				return (g) -> this.users.seen(g, changed.userId(), null).then(this.bookings.apply(g, state));
			}
			case "registration.created.v1", "registration.updated.v1": {
				RegistrationChanged registration = EventReader.data(event, RegistrationChanged.class);
				String lessonType = EventReader.required(registration.lessonType(), "lessonType");
				return (g) -> this.users.seen(g, registration.userId(), registration.registeredAt())
					.then(this.lessons.registration(g, registration.registrationId(), registration.userId(), lessonType,
							version));
			}
			case "activity.recorded.v1": {
				ActivityRecorded activity = EventReader.data(event, ActivityRecorded.class);
				String lessonType = ActivityRecorded.LESSON_LINK_CLICKED.equals(activity.type()) ? activity.lessonType()
						: null;
				return (g) -> ((activity.userId() != null)
						? this.users.seen(g, activity.userId(), activity.occurredAt()) : Mono.<Void>empty())
					.then((lessonType != null) ? this.lessons.attendance(g, lessonType) : Mono.empty());
			}
			case "course.created.v1": {
				CourseCreated course = EventReader.data(event, CourseCreated.class);
				EventReader.required(course.title(), "title");
				return (g) -> this.names.course(g, course, version);
			}
			case "stream.created.v1", "stream.updated.v1": {
				StreamChanged stream = EventReader.data(event, StreamChanged.class);
				EventReader.required(stream.code(), "code");
				EventReader.required(stream.name(), "name");
				return (g) -> this.names.stream(g, stream, version);
			}
			case "session.created.v1", "session.updated.v1": {
				SessionSeats seats = EventReader.data(event, SessionSeats.class);
				SessionScheduled scheduled = EventReader.data(event, SessionScheduled.class);
				EventReader.required(seats.status(), "status");
				return (g) -> this.sessions.seats(g, seats, version)
					.then(this.sessions.scheduled(g, scheduled, version));
			}
			case "session.cancelled.v1", "enrollment.created.v1", "enrollment.cancelled.v1": {
				SessionSeats seats = EventReader.data(event, SessionSeats.class);
				EventReader.required(seats.status(), "status");
				return (g) -> this.sessions.seats(g, seats, version);
			}
			case "attendance.marked.v1": {
				AttendanceMarked marked = EventReader.data(event, AttendanceMarked.class);
				if (marked.session() == null || marked.run() == null) {
					throw new RejectedRecordException("attendance totals are missing");
				}
				return (g) -> this.sessions.attendance(g, marked, version);
			}
			default:
				return null;
		}
	}

	/** An event's effect on the figures of one generation. */
	interface Effect {

		Mono<Void> on(long generation);

	}

}
