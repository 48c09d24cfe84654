package dev.coursehub.analytics.ingest;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.coursehub.servicekit.sql.SqlValues;

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

	/** A source named the user, at {@code seenAt} if it carries a time. */
	Mono<Void> seen(long generation, long userId, @Nullable Instant seenAt) {
		return this.db
			.sql("INSERT INTO user_figure (generation, user_id, first_seen) VALUES (:g, :u, :t) ON CONFLICT DO NOTHING")
			.bind("g", generation)
			.bind("u", userId)
			.bind("t", SqlValues.nullable(seenAt, Instant.class))
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> {
				if (inserted == 1) {
					return totals(generation, 1, 1).then(bucket(generation, seenAt, 1));
				}
				return (seenAt != null) ? earlier(generation, userId, seenAt) : Mono.empty();
			});
	}

	private Mono<Void> earlier(long generation, long userId, Instant seenAt) {
		return this.db.sql("SELECT first_seen FROM user_figure WHERE generation = :g AND user_id = :u FOR UPDATE")
			.bind("g", generation)
			.bind("u", userId)
			.map((row) -> new FirstSeen(row.get("first_seen", Instant.class)))
			.one()
			.flatMap((old) -> {
				if (old.at() != null && !seenAt.isBefore(old.at())) {
					return Mono.empty();
				}
				return this.db.sql("UPDATE user_figure SET first_seen = :t WHERE generation = :g AND user_id = :u")
					.bind("g", generation)
					.bind("u", userId)
					.bind("t", seenAt)
					.then()
					.then(bucket(generation, old.at(), -1))
					.then(bucket(generation, seenAt, 1));
			});
	}

	/** The user's confirmed bookings changed by {@code delta}. */
	Mono<Void> confirmed(long generation, long userId, long delta) {
		if (delta == 0) {
			return Mono.empty();
		}
		return this.db
			.sql("UPDATE user_figure SET confirmed_bookings = confirmed_bookings + :d "
					+ "WHERE generation = :g AND user_id = :u RETURNING confirmed_bookings")
			.bind("g", generation)
			.bind("u", userId)
			.bind("d", delta)
			.map((row) -> row.get(0, Long.class))
			.one()
			.flatMap((after) -> {
				long before = after - delta;
				long neverConfirmed = ((after == 0) ? 1 : 0) - ((before == 0) ? 1 : 0);
				return (neverConfirmed != 0) ? totals(generation, 0, neverConfirmed) : Mono.empty();
			});
	}

	private Mono<Void> totals(long generation, long users, long neverConfirmed) {
		return this.db
			.sql("UPDATE totals_figure SET users = users + :u, never_confirmed = never_confirmed + :n "
					+ "WHERE generation = :g")
			.bind("g", generation)
			.bind("u", users)
			.bind("n", neverConfirmed)
			.then();
	}

	private Mono<Void> bucket(long generation, @Nullable Instant at, long delta) {
		if (at == null) {
			return Mono.empty();
		}
		Instant bucket = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS);
		return this.db.sql("INSERT INTO growth_bucket (generation, bucket, new_users) VALUES (:g, :b, :d) "
				+ "ON CONFLICT (generation, bucket) DO UPDATE SET new_users = growth_bucket.new_users + EXCLUDED.new_users")
			.bind("g", generation)
			.bind("b", bucket)
			.bind("d", delta)
			.then();
	}

	private record FirstSeen(@Nullable Instant at) {
	}

}
