package dev.coursehub.analytics.benchmark;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Times a call repeatedly and reports p50 / p99 / max in milliseconds. */
final class Latencies {

	private Latencies() {
	}

	static String measure(int warmups, int runs, Callable<?> call) throws Exception {
		for (int i = 0; i < warmups; i++) {
			call.call();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			call.call();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d runs)", ms(nanos[runs / 2]),
				ms(nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)]), ms(nanos[runs - 1]), runs);
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

}
