package dev.coursehub.messaging.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The hold a 429 puts on every sender: this instance's sends hold at once, from memory,
 * and every instance's through the one row of {@code telegram_sender}, which each send
 * looks at before its point of no return.
 */
@Component
class SenderHold {

	private final DatabaseClient database;

	private final AtomicLong untilNanos = new AtomicLong(System.nanoTime());

	SenderHold(DatabaseClient database) {
		this.database = database;
	}

	/** Waits out a 429 seen by this instance (at once) or by any instance (database). */
	Mono<Void> waitOut() {
		long local = remainingNanos();
		if (local > 0) {
			return Mono.delay(Duration.ofNanos(local)).then(Mono.defer(this::waitOut));
		}
		return senderBlocked()
			.flatMap((wait) -> wait.isZero() ? Mono.<Void>empty() : Mono.delay(wait).then(Mono.defer(this::waitOut)));
	}

	/** How long this instance's own hold still lasts (zero or less: it does not hold). */
	long remainingNanos() {
		return this.untilNanos.get() - System.nanoTime();
	}

	/**
	 * Holds this instance's sends at once, and returns the write that holds every
	 * instance's.
	 */
	Mono<Void> hold(Duration retryAfter) {
		this.untilNanos.accumulateAndGet(System.nanoTime() + retryAfter.toNanos(), Math::max);
		return blockSender(retryAfter);
	}

	/** How long every sender must still wait after a 429. */
	private Mono<Duration> senderBlocked() {
		return this.database.sql("""
				SELECT EXTRACT(EPOCH FROM greatest(blocked_until - now(), interval '0'))::float8 AS seconds
				FROM telegram_sender WHERE id = 1
				""")
			.map((row) -> Duration.ofNanos((long) (row.get("seconds", Double.class) * 1e9)))
			.one()
			.defaultIfEmpty(Duration.ZERO);
	}

	private Mono<Void> blockSender(Duration retryAfter) {
		return this.database.sql("""
				UPDATE telegram_sender
				SET blocked_until = greatest(blocked_until, now() + make_interval(secs => :seconds))
				WHERE id = 1
				""").bind("seconds", (double) retryAfter.toSeconds()).then();
	}

}
