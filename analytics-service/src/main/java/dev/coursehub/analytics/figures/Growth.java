package dev.coursehub.analytics.figures;

import java.time.LocalDate;
import java.util.List;

/**
 * New users per day in a time zone, every day of the range present, and the cumulative
 * number of users at the end of each day (users first seen before the range included).
 */
public record Growth(String timeZone, LocalDate from, LocalDate to, List<Day> days) {

	/** One day of the range. */
	public record Day(LocalDate date, long newUsers, long totalUsers) {

	}

}
