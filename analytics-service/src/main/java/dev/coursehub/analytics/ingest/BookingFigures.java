package dev.coursehub.analytics.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

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

	BookingFigures(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Stores the newest states of a batch that are newer than the stored ones and moves
	 * the counts; returns the change in confirmed bookings per user.
	 */
	Mono<Map<Long, Long>> apply(long generation, Map<Long, BookingState> batch) {
		if (batch.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.db
			.sql("SELECT booking_id, user_id, course_id, stream, status, version FROM booking_state "
					+ "WHERE generation = :g AND booking_id = ANY(:b) ORDER BY booking_id FOR UPDATE")
			.bind("g", generation)
			.bind("b", Fold.keys(batch))
			.map((row) -> new BookingState(row.get("booking_id", Long.class), row.get("user_id", Long.class),
					row.get("course_id", Long.class), row.get("stream", String.class), row.get("status", String.class),
					row.get("version", Long.class)))
			.all()
			.collectMap(BookingState::bookingId)
			.flatMap((stored) -> {
				Deltas deltas = new Deltas();
				List<BookingState> changed = new ArrayList<>();
				for (BookingState next : batch.values()) {
					BookingState old = stored.get(next.bookingId());
					if (old == null || old.version() < next.version()) {
						changed.add(next);
						deltas.move(old, next);
					}
				}
				return store(generation, changed).then(deltas.write(generation)).thenReturn(deltas.confirmed);
			});
	}

	private Mono<Void> store(long generation, List<BookingState> states) {
		if (states.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("INSERT INTO booking_state (generation, booking_id, user_id, course_id, stream, status, version) "
					+ "SELECT :g, * FROM unnest(:b::bigint[], :u::bigint[], :c::bigint[], :s::text[], :st::text[], "
					+ ":v::bigint[]) ON CONFLICT (generation, booking_id) DO UPDATE SET "
					+ "user_id = EXCLUDED.user_id, course_id = EXCLUDED.course_id, stream = EXCLUDED.stream, "
					+ "status = EXCLUDED.status, version = EXCLUDED.version")
			.bind("g", generation)
			.bind("b", states.stream().map(BookingState::bookingId).toArray(Long[]::new))
			.bind("u", states.stream().map(BookingState::userId).toArray(Long[]::new))
			.bind("c", states.stream().map(BookingState::courseId).toArray(Long[]::new))
			.bind("s", states.stream().map(BookingState::stream).toArray(String[]::new))
			.bind("st", states.stream().map(BookingState::status).toArray(String[]::new))
			.bind("v", states.stream().map(BookingState::version).toArray(Long[]::new))
			.then();
	}

	/**
	 * How the counts move: the old state of each changed booking −1, its new state +1.
	 */
	private final class Deltas {

		final Map<String, Long> byStatus = new TreeMap<>();

		/** total, confirmed, pending, cancelled per course and stream. */
		final Map<StreamKey, long[]> byStream = new TreeMap<>();

		final Map<Long, Long> confirmed = new TreeMap<>();

		void move(BookingState old, BookingState next) {
			if (old != null) {
				count(old, -1);
			}
			count(next, 1);
			long before = (old != null && old.confirmed()) ? 1 : 0;
			long after = next.confirmed() ? 1 : 0;
			if (old != null && old.userId() != next.userId()) {
				this.confirmed.merge(old.userId(), -before, Long::sum);
				this.confirmed.merge(next.userId(), after, Long::sum);
			}
			else {
				this.confirmed.merge(next.userId(), after - before, Long::sum);
			}
		}

		private void count(BookingState state, long sign) {
			this.byStatus.merge(state.status(), sign, Long::sum);
			if (state.stream() == null) {
				// the legacy stream figures skip bookings without a stream
				return;
			}
			long[] counts = this.byStream.computeIfAbsent(new StreamKey(state.courseId(), state.stream()),
					(key) -> new long[4]);
			counts[0] += sign;
			switch (state.status()) {
				case "confirmed" -> counts[1] += sign;
				case "pending" -> counts[2] += sign;
				default -> counts[3] += sign;
			}
		}

		Mono<Void> write(long generation) {
			this.byStatus.values().removeIf((delta) -> delta == 0);
			this.byStream.values()
				.removeIf((counts) -> counts[0] == 0 && counts[1] == 0 && counts[2] == 0 && counts[3] == 0);
			Mono<Void> byStatus = this.byStatus.isEmpty() ? Mono.empty()
					: BookingFigures.this.db
						.sql("INSERT INTO status_figure (generation, status, bookings) SELECT :g, * FROM "
								+ "unnest(:s::text[], :d::bigint[]) ON CONFLICT (generation, status) DO UPDATE SET "
								+ "bookings = status_figure.bookings + EXCLUDED.bookings")
						.bind("g", generation)
						.bind("s", this.byStatus.keySet().toArray(String[]::new))
						.bind("d", this.byStatus.values().toArray(Long[]::new))
						.then();
			if (this.byStream.isEmpty()) {
				return byStatus;
			}
			List<StreamKey> keys = new ArrayList<>(this.byStream.keySet());
			List<long[]> counts = new ArrayList<>(this.byStream.values());
			return byStatus.then(BookingFigures.this.db
				.sql("INSERT INTO stream_figure (generation, course_id, stream, total, confirmed, pending, cancelled) "
						+ "SELECT :g, * FROM unnest(:c::bigint[], :s::text[], :t::bigint[], :dc::bigint[], "
						+ ":dp::bigint[], :dx::bigint[]) ON CONFLICT (generation, course_id, stream) DO UPDATE SET "
						+ "total = stream_figure.total + EXCLUDED.total, "
						+ "confirmed = stream_figure.confirmed + EXCLUDED.confirmed, "
						+ "pending = stream_figure.pending + EXCLUDED.pending, "
						+ "cancelled = stream_figure.cancelled + EXCLUDED.cancelled")
				.bind("g", generation)
				.bind("c", keys.stream().map(StreamKey::courseId).toArray(Long[]::new))
				.bind("s", keys.stream().map(StreamKey::stream).toArray(String[]::new))
				.bind("t", column(counts, 0))
				.bind("dc", column(counts, 1))
				.bind("dp", column(counts, 2))
				.bind("dx", column(counts, 3))
				.then());
		}

		private static Long[] column(List<long[]> rows, int index) {
			return rows.stream().map((row) -> row[index]).toArray(Long[]::new);
		}

	}

	private record StreamKey(long courseId, String stream) implements Comparable<StreamKey> {

		@Override
		public int compareTo(StreamKey other) {
			int byCourse = Long.compare(this.courseId, other.courseId);
			return (byCourse != 0) ? byCourse : this.stream.compareTo(other.stream);
		}

	}

}
