package dev.coursehub.telegramsandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each call arrived and when each answer left, for the tests' measurements: rate,
 * burstiness, and how quickly a sender backed off after a 429.
 */
final class Traffic {

	private static final long SECOND = 1_000_000_000L;

	/** Arrival times (nanoseconds) of the {@code sendMessage} calls with a valid text. */
	private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

	/** {@code [time, 0]} for an authorized call, {@code [time, status]} for an answer. */
	private final List<long[]> events = Collections.synchronizedList(new ArrayList<>());

	/** A wall-clock time and the nanosecond clock at it, to date arrivals. */
	private final Instant wallAnchor = Instant.now();

	private final long nanoAnchor = System.nanoTime();

	void called(long now) {
		this.events.add(new long[] { now, 0 });
	}

	void arrived(long now) {
		this.arrivals.add(now);
	}

	void answered(int status) {
		this.events.add(new long[] { System.nanoTime(), status });
	}

	void clear() {
		this.arrivals.clear();
		this.events.clear();
	}

	Duration arrivalSpan() {
		List<Long> times = arrivals();
		if (times.size() < 2) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(times.get(times.size() - 1) - times.get(0));
	}

	int maxPerSecond() {
		int max = 0;
		for (int count : OneSecondWindows.counts(arrivals(), SECOND)) {
			max = Math.max(max, count);
		}
		return max;
	}

	/**
	 * The first {@code most} arrivals that made more than {@code limit} within one
	 * second, each with its wall-clock time and the count, to be laid beside other logs
	 * (a GC log, say).
	 */
	List<Map<String, Object>> crowded(int limit, int most) {
		List<Long> times = arrivals();
		int[] counts = OneSecondWindows.counts(times, SECOND);
		List<Map<String, Object>> crowded = new ArrayList<>();
		for (int i = 0; i < times.size() && crowded.size() < most; i++) {
			if (limit > 0 && counts[i] > limit) {
				Map<String, Object> arrival = new LinkedHashMap<>();
				arrival.put("at", this.wallAnchor.plusNanos(times.get(i) - this.nanoAnchor).toString());
				arrival.put("inOneSecond", counts[i]);
				crowded.add(arrival);
			}
		}
		return crowded;
	}

	long callsWithinAfterFirstTooManyRequests(Duration window) {
		List<long[]> all = events();
		long at = firstTooManyRequests(all);
		if (at < 0) {
			return -1;
		}
		return all.stream()
			.filter((event) -> event[1] == 0 && event[0] > at && event[0] - at < window.toNanos())
			.count();
	}

	long quietAfterFirstTooManyRequests() {
		List<long[]> all = events();
		long at = firstTooManyRequests(all);
		if (at < 0) {
			return -1;
		}
		return all.stream()
			.filter((event) -> event[1] == 0 && event[0] > at)
			.mapToLong((event) -> event[0])
			.min()
			.orElse(at - 1) - at;
	}

	private static long firstTooManyRequests(List<long[]> events) {
		return events.stream().filter((event) -> event[1] == 429).mapToLong((event) -> event[0]).min().orElse(-1);
	}

	private List<Long> arrivals() {
		List<Long> times;
		synchronized (this.arrivals) {
			times = new ArrayList<>(this.arrivals);
		}
		Collections.sort(times);
		return times;
	}

	private List<long[]> events() {
		List<long[]> all;
		synchronized (this.events) {
			all = new ArrayList<>(this.events);
		}
		all.sort(Comparator.comparingLong((long[] event) -> event[0]));
		return all;
	}

}
