package dev.coursehub.analytics.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;

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
 * What each event type does to the figures. The event is read (and rejected if it breaks
 * the contract) before any database work starts.
 */
final class Effects {

	/** The event types that change figures; any other type is skipped. */
	static final List<String> TYPES = List.of("booking.created.v1", "booking.confirmed.v1", "booking.cancelled.v1",
			"booking.stream_changed.v1", "registration.created.v1", "registration.updated.v1", "activity.recorded.v1",
			"course.created.v1", "stream.created.v1", "stream.updated.v1", "session.created.v1", "session.updated.v1",
			"session.cancelled.v1", "enrollment.created.v1", "enrollment.cancelled.v1", "attendance.marked.v1");

	private Effects() {
	}

	/**
	 * What an event does to the figures, or null for a type analytics does not use; a
	 * {@link RejectedRecordException} if it breaks the contract.
	 */
	static @Nullable Change of(Envelope event) {
		long version = event.aggregateVersion();
		switch (event.type()) {
			case "booking.created.v1": {
				BookingCreated created = EventReader.data(event, BookingCreated.class);
				BookingState state = new BookingState(created.bookingId(), created.userId(), created.courseId(),
						created.stream(), EventReader.status(created.status()), version);
				return (fold) -> {
					fold.seen(created.userId(), created.createdAt());
					fold.booking(state);
				};
			}
			case "booking.confirmed.v1", "booking.cancelled.v1", "booking.stream_changed.v1": {
				BookingChanged changed = EventReader.data(event, BookingChanged.class);
				BookingState state = new BookingState(changed.bookingId(), changed.userId(), changed.courseId(),
						changed.stream(), EventReader.status(changed.status()), version);
				return (fold) -> {
					fold.seen(changed.userId(), null);
					fold.booking(state);
				};
			}
			case "registration.created.v1", "registration.updated.v1": {
				RegistrationChanged registration = EventReader.data(event, RegistrationChanged.class);
				String lessonType = EventReader.required(registration.lessonType(), "lessonType");
				return (fold) -> {
					fold.seen(registration.userId(), registration.registeredAt());
					fold.registration(new Fold.Registration(registration.registrationId(), registration.userId(),
							lessonType, version));
				};
			}
			case "activity.recorded.v1": {
				ActivityRecorded activity = EventReader.data(event, ActivityRecorded.class);
				String lessonType = ActivityRecorded.LESSON_LINK_CLICKED.equals(activity.type()) ? activity.lessonType()
						: null;
				return (fold) -> {
					if (activity.userId() != null) {
						fold.seen(activity.userId(), activity.occurredAt());
					}
					if (lessonType != null) {
						fold.attendance(lessonType);
					}
				};
			}
			case "course.created.v1": {
				CourseCreated course = EventReader.data(event, CourseCreated.class);
				EventReader.required(course.title(), "title");
				return (fold) -> fold.course(course, version);
			}
			case "stream.created.v1", "stream.updated.v1": {
				StreamChanged stream = EventReader.data(event, StreamChanged.class);
				EventReader.required(stream.code(), "code");
				EventReader.required(stream.name(), "name");
				return (fold) -> fold.stream(stream, version);
			}
			case "session.created.v1", "session.updated.v1": {
				SessionSeats seats = EventReader.data(event, SessionSeats.class);
				SessionScheduled scheduled = EventReader.data(event, SessionScheduled.class);
				EventReader.required(seats.status(), "status");
				return (fold) -> {
					fold.seats(seats, version);
					fold.scheduled(scheduled, version);
				};
			}
			case "session.cancelled.v1", "enrollment.created.v1", "enrollment.cancelled.v1": {
				SessionSeats seats = EventReader.data(event, SessionSeats.class);
				EventReader.required(seats.status(), "status");
				return (fold) -> fold.seats(seats, version);
			}
			case "attendance.marked.v1": {
				AttendanceMarked marked = EventReader.data(event, AttendanceMarked.class);
				if (marked.session() == null || marked.run() == null) {
					throw new RejectedRecordException("attendance totals are missing");
				}
				return (fold) -> fold.attendance(marked, version);
			}
			default:
				return null;
		}
	}

	/** What one event does to the figures: it adds itself to a batch's fold. */
	interface Change {

		void addTo(Fold fold);

	}

}
