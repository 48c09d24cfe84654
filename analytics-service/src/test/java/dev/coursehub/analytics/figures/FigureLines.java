package dev.coursehub.analytics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * One text line per figure, so the service's and the legacy SQL's figures compare equal.
 */
final class FigureLines {

	private FigureLines() {
	}

	static String stream(long course, String stream, long total, long confirmed, long pending, long cancelled,
			BigDecimal conversion) {
		return course + " " + stream + " total=" + total + " confirmed=" + confirmed + " pending=" + pending
				+ " cancelled=" + cancelled + " conversion=" + rate(conversion);
	}

	static String lesson(String lessonType, long registrations, long attendances, BigDecimal conversion) {
		return lessonType + " registrations=" + registrations + " attendances=" + attendances + " conversion="
				+ rate(conversion);
	}

	static String dashboard(long users, long neverConfirmed, long registrations, long bookings, long pending,
			long confirmed, long cancelled) {
		return "users=" + users + " neverConfirmed=" + neverConfirmed + " registrations=" + registrations + " bookings="
				+ bookings + " pending=" + pending + " confirmed=" + confirmed + " cancelled=" + cancelled;
	}

	static String day(LocalDate day, long newUsers, long total) {
		return day + " new=" + newUsers + " total=" + total;
	}

	private static String rate(BigDecimal rate) {
		return rate.setScale(1, RoundingMode.UNNECESSARY).toPlainString();
	}

}
