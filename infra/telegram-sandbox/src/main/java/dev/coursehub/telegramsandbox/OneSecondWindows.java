package dev.coursehub.telegramsandbox;

import java.util.List;

/**
 * How many of a run of arrival times fall within the second that ends at each of them, as
 * a limit of so many per second counts them: the sandbox's figures and the messaging
 * benchmark's wire capture count the same way.
 */
public final class OneSecondWindows {

	private OneSecondWindows() {
	}

	/**
	 * @param times arrival times, earliest first
	 * @param second one second in the unit of {@code times}
	 * @return for each arrival, the arrivals (itself included) less than a second before
	 * it
	 */
	public static int[] counts(List<Long> times, long second) {
		int[] counts = new int[times.size()];
		int start = 0;
		for (int end = 0; end < times.size(); end++) {
			while (times.get(end) - times.get(start) >= second) {
				start++;
			}
			counts[end] = end - start + 1;
		}
		return counts;
	}

}
