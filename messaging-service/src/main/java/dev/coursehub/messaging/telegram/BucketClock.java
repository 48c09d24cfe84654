package dev.coursehub.messaging.telegram;

import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's clock for the buckets in PostgreSQL: wall-clock time (every instance reads
 * its own, so instances need synchronized clocks, as for any Bucket4j client-side clock)
 * in microseconds rather than Bucket4j's default milliseconds, remembering per thread the
 * time of the last decision, so that a reservation's wait can be turned into exact send
 * times.
 */
final class BucketClock implements TimeMeter {

	private final ThreadLocal<long[]> lastRead = ThreadLocal.withInitial(() -> new long[1]);

	@Override
	public long currentTimeNanos() {
		long now = wallNanos();
		this.lastRead.get()[0] = now;
		return now;
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

	/** The time Bucket4j last read on this thread: the time its last decision used. */
	long lastReadOnThisThread() {
		return this.lastRead.get()[0];
	}

	/** {@code wallNanos}, a time of this clock, as a {@link System#nanoTime()} value. */
	long toNanoTime(long wallNanos) {
		return System.nanoTime() + (wallNanos - wallNanos());
	}

	static long wallNanos() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

}
