package dev.coursehub.analytics.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A workshop run's session figures. {@code fillRate} is seats taken / capacity (0..1,
 * four decimals) over the run's sessions that are not cancelled; {@code attendanceRate}
 * is (present + late) / enrolled over its marked sessions.
 */
public record RunFigure(long workshopId, @Nullable String workshopTitle, long runId, @Nullable String runName,
		long certificateEligible, BigDecimal fillRate, BigDecimal attendanceRate, List<Session> sessions) {

	/** One session: seats, and attendance once marked. */
	public record Session(long sessionId, @Nullable Integer dayNumber, @Nullable Instant startsAt, String status,
			int capacity, int seatsTaken, BigDecimal fillRate, int enrolled, int present, int late, int absent,
			int unmarked, BigDecimal attendanceRate) {

	}

}
