package dev.coursehub.analytics.figures;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Bookings of one course stream by status; {@code conversionRate} is confirmed / total in
 * percent, rounded to one decimal. {@code name} is the stream's display name (its code
 * until a stream event named it).
 */
public record StreamFigure(long courseId, @Nullable String courseTitle, String stream, String name, long total,
		long confirmed, long pending, long cancelled, BigDecimal conversionRate) {

}
