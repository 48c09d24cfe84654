package dev.coursehub.booking.legacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.coursehub.booking.activity.ActivityService;
import dev.coursehub.booking.booking.BookingService;
import dev.coursehub.booking.booking.BookingStatus;
import dev.coursehub.booking.booking.LegacyBooking;
import dev.coursehub.booking.registration.RegistrationRequest;
import dev.coursehub.booking.registration.RegistrationService;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** How each legacy table's row becomes CourseHub data, through the owning feature. */
@Component
class LegacyTables {

	static final Map<String, Set<String>> REQUIRED_COLUMNS = Map.of("bookings",
			Set.of("id", "user_id", "course_id", "course_stream", "confirmed", "created_at"),
			"free_lesson_registrations", Set.of("id", "user_id", "email", "lesson_type", "registered_at"), "events",
			Set.of("id", "user_id", "event_type", "created_at"));

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final BookingService bookings;

	private final RegistrationService registrations;

	private final ActivityService activities;

	private final JsonMapper json;

	LegacyTables(BookingService bookings, RegistrationService registrations, ActivityService activities,
			JsonMapper json) {
		this.bookings = bookings;
		this.registrations = registrations;
		this.activities = activities;
		this.json = json;
	}

	/** Import one row; the returned Mono may fail with the reason to reject it. */
	Mono<Boolean> importRow(String table, LegacyRow row, ImportOptions options) {
		return switch (table) {
			case "bookings" -> booking(row, options);
			case "free_lesson_registrations" -> registration(row);
			case "events" -> event(row);
			default -> Mono.error(new IllegalArgumentException("unknown table " + table));
		};
	}

	private Mono<Boolean> booking(LegacyRow row, ImportOptions options) {
		long legacyCourse = row.requiredLong("course_id");
		if (legacyCourse != options.legacyCourseId()) {
			return Mono.error(new IllegalArgumentException(
					"course_id " + legacyCourse + " is not the imported course " + options.legacyCourseId()));
		}
		Integer confirmed = row.optionalInt("confirmed");
		if (confirmed == null) {
			throw new IllegalArgumentException("confirmed is required");
		}
		Integer discount = row.optionalInt("discount_percent");
		if (discount != null && (discount < 0 || discount > 100)) {
			throw new IllegalArgumentException("discount_percent " + discount + " is not between 0 and 100");
		}
		return this.bookings.importLegacy(new LegacyBooking(row.requiredLong("id"), row.requiredLong("user_id"),
				row.text("username"), row.text("first_name"), options.courseId(), row.required("course_stream"),
				BookingStatus.ofLegacyCode(confirmed), row.text("referral_code"), (discount != null) ? discount : 0,
				row.instant("created_at")));
	}

	private Mono<Boolean> registration(LegacyRow row) {
		String email = row.required("email");
		if (!email.matches("[^@\\s]+@[^@\\s]+")) {
			throw new IllegalArgumentException("email is not an email address");
		}
		RegistrationRequest request = new RegistrationRequest(row.requiredLong("user_id"), row.text("username"),
				row.text("first_name"), email, row.required("lesson_type"), row.date("lesson_date"));
		return this.registrations.importLegacy(row.requiredLong("id"), request, row.flag("notification_sent"),
				row.instant("registered_at"));
	}

	private Mono<Boolean> event(LegacyRow row) {
		String details = row.text("details");
		Map<String, Object> parsed;
		try {
			parsed = (details != null) ? this.json.readValue(details, OBJECT) : Map.of();
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("details is not a JSON object");
		}
		String type = row.required("event_type");
		if (!type.matches("[a-z][a-z0-9_]{0,63}")) {
			throw new IllegalArgumentException("event_type " + type + " is not a lower-case identifier");
		}
		return this.activities.importLegacy(row.requiredLong("id"), row.requiredLong("user_id"), type,
				row.instant("created_at"), parsed);
	}

	static List<String> tables() {
		return List.of("bookings", "free_lesson_registrations", "events");
	}

}
