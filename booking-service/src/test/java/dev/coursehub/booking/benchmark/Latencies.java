package dev.coursehub.booking.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Recorded latencies in nanoseconds and their percentiles (nearest rank). */
final class Latencies {

	private long[] values = new long[1024];

	private int count;

	void record(long nanos) {
		if (this.count == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.values.length * 2);
		}
		this.values[this.count++] = nanos;
	}

	void addAll(Latencies other) {
		for (int i = 0; i < other.count; i++) {
			record(other.values[i]);
		}
	}

	int count() {
		return this.count;
	}

	/** The p-th percentile in milliseconds, e.g. {@code millis(99)}. */
	double millis(double percentile) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.values, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
	}

	double maxMillis() {
		return millis(100);
	}

	static String format(double millis) {
		return String.format(Locale.ROOT, (millis < 10) ? "%.2f" : "%.1f", millis);
	}

}
