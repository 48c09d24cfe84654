package dev.coursehub.analytics.events;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.coursehub.servicekit.RejectedRecordException;
import dev.coursehub.testkit.EventExamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** This service's own copies of the events read the example payloads in docs/events. */
class EventCopiesTests {

	private final EventExamples catalog = EventExamples.catalog();

	@ParameterizedTest
	@ValueSource(strings = { "booking.created.v1", "booking.confirmed.v1", "booking.cancelled.v1",
			"booking.stream_changed.v1", "registration.created.v1", "registration.updated.v1", "activity.recorded.v1",
			"course.created.v1", "stream.created.v1", "stream.updated.v1", "session.created.v1", "session.updated.v1",
			"session.cancelled.v1", "enrollment.created.v1", "enrollment.cancelled.v1", "attendance.marked.v1" })
	void envelopeReadsEveryExample(String type) {
		Envelope envelope = this.catalog.read(type, Envelope.class);
		assertThat(EventReader.envelope(this.catalog.example(type))).isEqualTo(envelope);
		assertThat(envelope.type()).isEqualTo(type);
	}

	@Test
	void bookingCopiesReadTheExamples() {
		BookingCreated created = read("booking.created.v1", BookingCreated.class);
		assertThat(created.stream()).isEqualTo("3rd_stream");
		assertThat(created.status()).isEqualTo("pending");
		for (String type : List.of("booking.confirmed.v1", "booking.cancelled.v1", "booking.stream_changed.v1")) {
			BookingChanged changed = read(type, BookingChanged.class);
			assertThat(changed.bookingId()).isEqualTo(42);
			assertThat(EventReader.status(changed.status())).isNotNull();
		}
	}

	@Test
	void registrationAndActivityCopiesReadTheExamples() {
		read("registration.created.v1", RegistrationChanged.class);
		read("registration.updated.v1", RegistrationChanged.class);
		ActivityRecorded activity = read("activity.recorded.v1", ActivityRecorded.class);
		assertThat(activity.lessonType()).isEqualTo("intro_to_python");
	}

	@Test
	void namesAndWorkshopCopiesReadTheExamples() {
		read("course.created.v1", CourseCreated.class);
		read("stream.created.v1", StreamChanged.class);
		read("stream.updated.v1", StreamChanged.class);
		for (String type : List.of("session.created.v1", "session.updated.v1", "session.cancelled.v1",
				"enrollment.created.v1", "enrollment.cancelled.v1")) {
			read(type, SessionSeats.class);
		}
		read("session.created.v1", SessionScheduled.class);
		read("session.updated.v1", SessionScheduled.class);
		AttendanceMarked marked = read("attendance.marked.v1", AttendanceMarked.class);
		assertThat(marked.run().certificateEligible()).isEqualTo(4);
		assertThat(marked.session().present()).isEqualTo(5);
	}

	@Test
	void aRecordMissingARequiredFieldIsRejected() {
		JsonNode example = this.catalog.example("booking.created.v1");
		Envelope envelope = EventReader.envelope(example);
		tools.jackson.databind.node.ObjectNode data = (tools.jackson.databind.node.ObjectNode) envelope.data()
			.deepCopy();
		data.remove("bookingId");
		Envelope broken = new Envelope(envelope.eventId(), envelope.type(), envelope.occurredAt(),
				envelope.aggregateType(), envelope.aggregateId(), envelope.aggregateVersion(), data);
		assertThatExceptionOfType(RejectedRecordException.class)
			.isThrownBy(() -> EventReader.data(broken, BookingCreated.class));
		assertThatExceptionOfType(RejectedRecordException.class).isThrownBy(() -> EventReader.status("paid"));
	}

	/**
	 * The test kit's catalog reads the envelope; this service's strict reader reads the
	 * example's data into the copy, every declared field present.
	 */
	private <T> T read(String type, Class<T> copy) {
		assertThat(this.catalog.read(type, Envelope.class).type()).isEqualTo(type);
		T value = EventReader.data(EventReader.envelope(this.catalog.example(type)), copy);
		assertThat(value).hasNoNullFieldsOrProperties();
		return value;
	}

}
