package dev.coursehub.analytics.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import dev.coursehub.analytics.events.AttendanceMarked;
import dev.coursehub.analytics.events.CourseCreated;
import dev.coursehub.analytics.events.SessionScheduled;
import dev.coursehub.analytics.events.SessionSeats;
import dev.coursehub.analytics.events.StreamChanged;

/**
 * What a batch of events does to one generation, folded in memory before any write: per
 * aggregate only the newest version the batch holds (the first of equal versions, as
 * applying them one by one would keep), per user the earliest time given, and the
 * additions that have no state of their own summed. Applying the fold gives the same
 * figures as applying its events one at a time, in any order, because every figure
 * depends only on each aggregate's newest state, on minimums and on sums. Keys are
 * sorted, so concurrent writers lock rows in the same order.
 */
final class Fold {

	/**
	 * Users named, with the earliest time a source gave ({@link Instant#MAX} while none
	 * did: see {@link #firstSeen(long)}).
	 */
	final Map<Long, Instant> users = new TreeMap<>();

	final Map<Long, BookingState> bookings = new TreeMap<>();

	final Map<Long, Registration> registrations = new TreeMap<>();

	/** Attendances per lesson type. */
	final Map<String, Long> attendances = new TreeMap<>();

	final Map<Long, Versioned<CourseCreated>> courses = new TreeMap<>();

	final Map<Long, Versioned<StreamChanged>> streams = new TreeMap<>();

	final Map<Long, Versioned<SessionSeats>> seats = new TreeMap<>();

	final Map<Long, Versioned<SessionScheduled>> schedules = new TreeMap<>();

	/** Run and workshop names, by the version of the session event that carried them. */
	final Map<Long, Versioned<SessionScheduled>> runNames = new TreeMap<>();

	/** Each run any session or attendance event named, with its workshop. */
	final Map<Long, Long> runs = new TreeMap<>();

	/** Attendance totals per session, by the run's version. */
	final Map<Long, Versioned<AttendanceMarked>> sessionAttendance = new TreeMap<>();

	/** Run totals, by the run's version. */
	final Map<Long, Versioned<AttendanceMarked>> runTotals = new TreeMap<>();

	void seen(long userId, @Nullable Instant at) {
		this.users.merge(userId, (at != null) ? at : Instant.MAX, (a, b) -> a.isBefore(b) ? a : b);
	}

	/**
	 * The earliest time given for a user, or null if only sources without a time named
	 * them.
	 */
	@Nullable Instant firstSeen(long userId) {
		Instant at = this.users.get(userId);
		return (at == null || Instant.MAX.equals(at)) ? null : at;
	}

	void booking(BookingState state) {
		this.bookings.merge(state.bookingId(), state, (a, b) -> (b.version() > a.version()) ? b : a);
	}

	void registration(Registration registration) {
		this.registrations.merge(registration.registrationId(), registration,
				(a, b) -> (b.version() > a.version()) ? b : a);
	}

	void attendance(String lessonType) {
		this.attendances.merge(lessonType, 1L, Long::sum);
	}

	void course(CourseCreated course, long version) {
		newest(this.courses, course.courseId(), course, version);
	}

	void stream(StreamChanged stream, long version) {
		newest(this.streams, stream.streamId(), stream, version);
	}

	void seats(SessionSeats seats, long version) {
		newest(this.seats, seats.sessionId(), seats, version);
		this.runs.putIfAbsent(seats.runId(), seats.workshopId());
	}

	void scheduled(SessionScheduled session, long version) {
		newest(this.schedules, session.sessionId(), session, version);
		newest(this.runNames, session.runId(), session, version);
	}

	void attendance(AttendanceMarked marked, long runVersion) {
		this.runs.putIfAbsent(marked.runId(), marked.workshopId());
		newest(this.sessionAttendance, marked.sessionId(), marked, runVersion);
		newest(this.runTotals, marked.runId(), marked, runVersion);
	}

	/** The sorted keys of a map, as a bind value. */
	static Long[] keys(Map<Long, ?> map) {
		return map.keySet().toArray(Long[]::new);
	}

	static <T> List<T> values(Map<?, Versioned<T>> map) {
		List<T> values = new ArrayList<>(map.size());
		map.values().forEach((versioned) -> values.add(versioned.value()));
		return values;
	}

	private static <K, T> void newest(Map<K, Versioned<T>> map, K key, T value, long version) {
		map.merge(key, new Versioned<>(value, version), (a, b) -> (b.version() > a.version()) ? b : a);
	}

	/** A value and the aggregate version it belongs to. */
	record Versioned<T>(T value, long version) {
	}

	/** A free-lesson registration as its newest event describes it. */
	record Registration(long registrationId, long userId, String lessonType, long version) {
	}

}
