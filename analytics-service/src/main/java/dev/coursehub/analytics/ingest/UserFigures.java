package dev.coursehub.analytics.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Unique users, users who never had a confirmed booking, and new users per quarter hour.
 * A user is known from the first source (booking, registration, activity) that names
 * them; their first appearance is the earliest time any source gave, so a late event with
 * an earlier time moves the user to an earlier bucket.
 */
@Component
class UserFigures {

	private static final long BUCKET_SECONDS = 900;

	private final DatabaseClient db;

	UserFigures(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Records the users a batch named (see {@link Fold#users}) and the change in each
	 * user's confirmed bookings.
	 */
	Mono<Void> apply(long generation, Fold fold, Map<Long, Long> confirmed) {
		Totals totals = new Totals();
		return seen(generation, fold, totals).then(Mono.defer(() -> confirmed(generation, confirmed, totals)))
			.then(Mono.defer(() -> totals.write(generation)));
	}

	private Mono<Void> seen(long generation, Fold fold, Totals totals) {
		if (fold.users.isEmpty()) {
			return Mono.empty();
		}
		Long[] users = Fold.keys(fold.users);
		Instant[] times = fold.users.keySet().stream().map(fold::firstSeen).toArray(Instant[]::new);
		return this.db
			.sql("INSERT INTO user_figure (generation, user_id, first_seen) SELECT :g, * FROM "
					+ "unnest(:u::bigint[], :t::timestamptz[]) ON CONFLICT DO NOTHING RETURNING user_id")
			.bind("g", generation)
			.bind("u", users)
			.bind("t", times)
			.map((row) -> row.get("user_id", Long.class))
			.all()
			.collect(HashSet<Long>::new, Set::add)
			.flatMap((inserted) -> {
				List<Long> known = new ArrayList<>();
				for (Long user : users) {
					Instant at = fold.firstSeen(user);
					if (inserted.contains(user)) {
						totals.users++;
						totals.neverConfirmed++;
						totals.bucket(at, 1);
					}
					else if (at != null) {
						known.add(user);
					}
				}
				return earlier(generation, fold, known, totals);
			});
	}

	/** Moves known users whose batch gave an earlier time than the stored one. */
	private Mono<Void> earlier(long generation, Fold fold, List<Long> users, Totals totals) {
		if (users.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("SELECT user_id, first_seen FROM user_figure WHERE generation = :g AND user_id = ANY(:u) "
					+ "ORDER BY user_id FOR UPDATE")
			.bind("g", generation)
			.bind("u", users.toArray(Long[]::new))
			.map((row) -> new FirstSeen(row.get("user_id", Long.class), row.get("first_seen", Instant.class)))
			.all()
			.filter((old) -> old.at() == null || fold.firstSeen(old.userId()).isBefore(old.at()))
			.collectList()
			.flatMap((moved) -> {
				if (moved.isEmpty()) {
					return Mono.empty();
				}
				for (FirstSeen old : moved) {
					totals.bucket(old.at(), -1);
					totals.bucket(fold.firstSeen(old.userId()), 1);
				}
				return this.db
					.sql("UPDATE user_figure f SET first_seen = v.t FROM unnest(:u::bigint[], :t::timestamptz[]) "
							+ "AS v(user_id, t) WHERE f.generation = :g AND f.user_id = v.user_id")
					.bind("g", generation)
					.bind("u", moved.stream().map(FirstSeen::userId).toArray(Long[]::new))
					.bind("t", moved.stream().map((old) -> fold.firstSeen(old.userId())).toArray(Instant[]::new))
					.then();
			});
	}

	/** Users' confirmed bookings changed by the given deltas. */
	private Mono<Void> confirmed(long generation, Map<Long, Long> deltas, Totals totals) {
		Map<Long, Long> changed = new TreeMap<>(deltas);
		changed.values().removeIf((delta) -> delta == 0);
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		return this.db
			.sql("UPDATE user_figure f SET confirmed_bookings = f.confirmed_bookings + d.d "
					+ "FROM unnest(:u::bigint[], :d::bigint[]) AS d(user_id, d) "
					+ "WHERE f.generation = :g AND f.user_id = d.user_id RETURNING f.user_id, f.confirmed_bookings")
			.bind("g", generation)
			.bind("u", Fold.keys(changed))
			.bind("d", changed.values().toArray(Long[]::new))
			.map((row) -> new long[] { row.get("user_id", Long.class), row.get("confirmed_bookings", Long.class) })
			.all()
			.doOnNext((row) -> {
				long after = row[1];
				long before = after - changed.get(row[0]);
				totals.neverConfirmed += ((after == 0) ? 1 : 0) - ((before == 0) ? 1 : 0);
			})
			.then();
	}

	/** The changes to the user totals and growth buckets a batch makes. */
	private final class Totals {

		long users;

		long neverConfirmed;

		final Map<Instant, Long> buckets = new TreeMap<>();

		void bucket(Instant at, long delta) {
			if (at != null) {
				Instant bucket = Instant
					.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS);
				this.buckets.merge(bucket, delta, Long::sum);
			}
		}

		Mono<Void> write(long generation) {
			this.buckets.values().removeIf((delta) -> delta == 0);
			Mono<Void> totals = (this.users == 0 && this.neverConfirmed == 0) ? Mono.empty()
					: UserFigures.this.db
						.sql("UPDATE totals_figure SET users = users + :u, never_confirmed = never_confirmed + :n "
								+ "WHERE generation = :g")
						.bind("g", generation)
						.bind("u", this.users)
						.bind("n", this.neverConfirmed)
						.then();
			if (this.buckets.isEmpty()) {
				return totals;
			}
			return totals.then(UserFigures.this.db
				.sql("INSERT INTO growth_bucket (generation, bucket, new_users) SELECT :g, * FROM "
						+ "unnest(:b::timestamptz[], :d::bigint[]) ON CONFLICT (generation, bucket) DO UPDATE SET "
						+ "new_users = growth_bucket.new_users + EXCLUDED.new_users")
				.bind("g", generation)
				.bind("b", this.buckets.keySet().toArray(Instant[]::new))
				.bind("d", this.buckets.values().toArray(Long[]::new))
				.then());
		}

	}

	private record FirstSeen(long userId, Instant at) {
	}

}
