package dev.coursehub.analytics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.coursehub.analytics.TestEnvelopes;

/**
 * A random history of bookings (with status changes and stream moves), free-lesson
 * registrations and activity: the events a publisher would send, shuffled (so events of
 * one aggregate arrive out of order) with duplicates mixed in, and the rows the legacy
 * tables would hold after the same history.
 */
final class History {

	static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final String[] STREAMS = { "3rd_stream", "4th_stream", "5th_stream" };

	private static final String[] LESSON_TYPES = { "intro", "advanced", "design" };

	private static final String[] CLICKED_TYPES = { "intro", "advanced", "extra" };

	final List<Event> events = new ArrayList<>();

	final List<LegacyBooking> bookings = new ArrayList<>();

	final List<LegacyRegistration> registrations = new ArrayList<>();

	final List<LegacyActivity> activities = new ArrayList<>();

	private final Random random;

	private final long idBase;

	private History(Random random, long idBase) {
		this.random = random;
		this.idBase = idBase;
	}

	/** A history whose ids start above {@code idBase}, so several can share the topic. */
	static History random(long seed, long idBase, int bookings, int registrations, int activities) {
		History history = new History(new Random(seed), idBase);
		for (int i = 1; i <= bookings; i++) {
			history.booking(idBase + i);
		}
		for (int i = 1; i <= registrations; i++) {
			history.registration(idBase + i);
		}
		for (int i = 1; i <= activities; i++) {
			history.activity(idBase + i);
		}
		Collections.shuffle(history.events, history.random);
		int duplicates = history.events.size() / 6;
		for (int i = 0; i < duplicates; i++) {
			Event again = history.events.get(history.random.nextInt(history.events.size()));
			history.events.add(history.random.nextInt(history.events.size() + 1), again);
		}
		return history;
	}

	private long user() {
		return 1_000_000 + this.idBase + this.random.nextInt(25);
	}

	private Instant time() {
		return START.plus(Duration.ofMinutes(this.random.nextInt(14 * 24 * 60)));
	}

	private void booking(long id) {
		long user = user();
		long course = 1 + this.random.nextInt(2);
		String stream = (this.random.nextInt(10) == 0) ? null : STREAMS[this.random.nextInt(STREAMS.length)];
		int roll = this.random.nextInt(10);
		String status = (roll < 7) ? "pending" : (roll < 9) ? "confirmed" : "cancelled";
		Instant created = time();
		long version = 1;
		ObjectNode data = bookingData(id, user, course, stream, status);
		data.put("price", 19900.0)
			.put("discountPercent", 0)
			.putNull("referralCode")
			.put("createdAt", created.toString());
		add("booking.created.v1", "booking", id, version, data);
		int changes = this.random.nextInt(4);
		for (int i = 0; i < changes; i++) {
			version++;
			if (stream != null && this.random.nextBoolean()) {
				String previous = stream;
				stream = STREAMS[this.random.nextInt(STREAMS.length)];
				ObjectNode moved = bookingData(id, user, course, stream, status);
				moved.put("previousStream", previous);
				add("booking.stream_changed.v1", "booking", id, version, moved);
			}
			else if (!"cancelled".equals(status)) {
				String previous = status;
				status = ("pending".equals(status) && this.random.nextBoolean()) ? "confirmed" : "cancelled";
				ObjectNode changed = bookingData(id, user, course, stream, status);
				changed.put("previousStatus", previous);
				add("confirmed".equals(status) ? "booking.confirmed.v1" : "booking.cancelled.v1", "booking", id,
						version, changed);
			}
			else {
				version--;
			}
		}
		int code = switch (status) {
			case "confirmed" -> 2;
			case "cancelled" -> -1;
			default -> 1;
		};
		this.bookings.add(new LegacyBooking(id, user, course, stream, code, created));
	}

	private static ObjectNode bookingData(long id, long user, long course, String stream, String status) {
		ObjectNode data = mapper.createObjectNode().put("bookingId", id).put("userId", user).put("courseId", course);
		data.put("stream", stream);
		return data.put("status", status);
	}

	private void registration(long id) {
		long user = user();
		String lessonType = LESSON_TYPES[this.random.nextInt(LESSON_TYPES.length)];
		Instant registered = time();
		ObjectNode data = mapper.createObjectNode()
			.put("registrationId", id)
			.put("userId", user)
			.put("lessonType", lessonType)
			.put("lessonDate", "2026-12-01")
			.put("notificationSent", false)
			.put("registeredAt", registered.toString());
		add("registration.created.v1", "registration", id, 1, data);
		if (this.random.nextBoolean()) {
			add("registration.updated.v1", "registration", id, 2, data.deepCopy().put("notificationSent", true));
		}
		this.registrations.add(new LegacyRegistration(id, user, lessonType, registered));
	}

	private void activity(long id) {
		Long user = (this.random.nextInt(10) == 0) ? null : user();
		Instant at = time();
		boolean clicked = this.random.nextInt(10) < 7;
		String type = clicked ? "lesson_link_clicked" : "page_opened";
		ObjectNode details = mapper.createObjectNode();
		if (this.random.nextInt(5) > 0) {
			details.put("lesson_type", CLICKED_TYPES[this.random.nextInt(CLICKED_TYPES.length)]);
		}
		ObjectNode data = mapper.createObjectNode().put("activityId", id);
		data.put("userId", user);
		data.put("type", type).put("occurredAt", at.toString()).set("details", details);
		add("activity.recorded.v1", "activity", id, 1, data);
		this.activities.add(new LegacyActivity(id, user, type, at, details.toString()));
	}

	private void add(String type, String aggregateType, long aggregateId, long version, ObjectNode data) {
		this.events.add(event(type, aggregateType, aggregateId, version, data));
	}

	static Event event(String type, String aggregateType, long aggregateId, long version, ObjectNode data) {
		return new Event(String.valueOf(aggregateId),
				TestEnvelopes.envelope(type, aggregateType, aggregateId, version, data).toString());
	}

	static ObjectNode data(Map<String, Object> values) {
		return mapper.valueToTree(values);
	}

	/** A history of hand-written legacy rows, for a test that sends its own events. */
	static final class Builder {

		History booking(long id, long userId, long courseId, String stream, int confirmed, String createdAt) {
			History history = new History(new Random(0), 0);
			history.bookings.add(new LegacyBooking(id, userId, courseId, stream, confirmed, Instant.parse(createdAt)));
			return history;
		}

	}

	/** A record to send: key and JSON value. */
	record Event(String key, String value) {
	}

	record LegacyBooking(long id, long userId, long courseId, String stream, int confirmed, Instant createdAt) {
	}

	record LegacyRegistration(long id, long userId, String lessonType, Instant registeredAt) {
	}

	record LegacyActivity(long id, Long userId, String type, Instant createdAt, String details) {
	}

}
