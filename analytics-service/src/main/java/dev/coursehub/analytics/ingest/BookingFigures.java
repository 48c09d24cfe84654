package dev.coursehub.analytics.ingest;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.coursehub.servicekit.sql.SqlValues;

/**
 * Stream figures (total and per status, per course and stream), bookings per status, and
 * each user's count of confirmed bookings. Every booking event carries the booking's
 * whole state; a state replaces the stored one only if its version is newer, and the
 * figures move by the difference between the two, so the final figures do not depend on
 * the order in which a booking's events arrive.
 */
@Component
class BookingFigures {

	private final DatabaseClient db;

	private final UserFigures users;

	BookingFigures(DatabaseClient db, UserFigures users) {
		this.db = db;
		this.users = users;
	}

	Mono<Void> apply(long generation, BookingState next) {
		return this.db
			.sql("SELECT user_id, course_id, stream, status, version FROM booking_state "
					+ "WHERE generation = :g AND booking_id = :b FOR UPDATE")
			.bind("g", generation)
			.bind("b", next.bookingId())
			.map((row) -> new BookingState(next.bookingId(), row.get("user_id", Long.class),
					row.get("course_id", Long.class), row.get("stream", String.class), row.get("status", String.class),
					row.get("version", Long.class)))
			.one()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((old) -> {
				if (old.isPresent() && old.get().version() >= next.version()) {
					return Mono.empty();
				}
				return store(generation, next).then(old.map((o) -> count(generation, o, -1)).orElse(Mono.empty()))
					.then(count(generation, next, 1))
					.then(confirmed(generation, old.orElse(null), next));
			});
	}

	private Mono<Void> store(long generation, BookingState state) {
		return this.db
			.sql("INSERT INTO booking_state (generation, booking_id, user_id, course_id, stream, status, version) "
					+ "VALUES (:g, :b, :u, :c, :s, :st, :v) ON CONFLICT (generation, booking_id) DO UPDATE SET "
					+ "user_id = EXCLUDED.user_id, course_id = EXCLUDED.course_id, stream = EXCLUDED.stream, "
					+ "status = EXCLUDED.status, version = EXCLUDED.version")
			.bind("g", generation)
			.bind("b", state.bookingId())
			.bind("u", state.userId())
			.bind("c", state.courseId())
			.bind("s", SqlValues.nullable(state.stream(), String.class))
			.bind("st", state.status())
			.bind("v", state.version())
			.then();
	}

	private Mono<Void> count(long generation, BookingState state, long sign) {
		Mono<Void> byStatus = this.db
			.sql("INSERT INTO status_figure (generation, status, bookings) VALUES (:g, :s, :d) "
					+ "ON CONFLICT (generation, status) DO UPDATE SET bookings = status_figure.bookings + EXCLUDED.bookings")
			.bind("g", generation)
			.bind("s", state.status())
			.bind("d", sign)
			.then();
		if (state.stream() == null) {
			// the legacy stream figures skip bookings without a stream
			return byStatus;
		}
		return byStatus.then(this.db
			.sql("INSERT INTO stream_figure (generation, course_id, stream, total, confirmed, pending, cancelled) "
					+ "VALUES (:g, :c, :s, :d, :dc, :dp, :dx) ON CONFLICT (generation, course_id, stream) DO UPDATE SET "
					+ "total = stream_figure.total + EXCLUDED.total, "
					+ "confirmed = stream_figure.confirmed + EXCLUDED.confirmed, "
					+ "pending = stream_figure.pending + EXCLUDED.pending, "
					+ "cancelled = stream_figure.cancelled + EXCLUDED.cancelled")
			.bind("g", generation)
			.bind("c", state.courseId())
			.bind("s", state.stream())
			.bind("d", sign)
			.bind("dc", "confirmed".equals(state.status()) ? sign : 0L)
			.bind("dp", "pending".equals(state.status()) ? sign : 0L)
			.bind("dx", "cancelled".equals(state.status()) ? sign : 0L)
			.then());
	}

	private Mono<Void> confirmed(long generation, BookingState old, BookingState next) {
		long before = (old != null && old.confirmed()) ? 1 : 0;
		long after = next.confirmed() ? 1 : 0;
		if (old != null && old.userId() != next.userId()) {
			return this.users.confirmed(generation, old.userId(), -before)
				.then(this.users.seen(generation, next.userId(), null))
				.then(this.users.confirmed(generation, next.userId(), after));
		}
		return this.users.confirmed(generation, next.userId(), after - before);
	}

}
