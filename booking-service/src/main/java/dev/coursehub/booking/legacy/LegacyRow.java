package dev.coursehub.booking.legacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Map;

/**
 * One row of a legacy CSV export, by legacy column name, with the parsing rules of the
 * legacy data: empty cells are NULL, timestamps as PostgreSQL or ISO-8601 writes them.
 */
record LegacyRow(long line, Map<String, String> cells) {

	private static final DateTimeFormatter POSTGRES = new DateTimeFormatterBuilder()
		.appendPattern("yyyy-MM-dd HH:mm:ss")
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalStart()
		.appendPattern("[XXX][XX][X]")
		.optionalEnd()
		.toFormatter();

	String legacyId() {
		return text("id");
	}

	String text(String column) {
		String value = this.cells.get(column);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	String required(String column) {
		String value = text(column);
		if (value == null) {
			throw new IllegalArgumentException(column + " is required");
		}
		return value;
	}

	long requiredLong(String column) {
		String value = required(column);
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(column + " is not a whole number: " + value);
		}
	}

	Integer optionalInt(String column) {
		String value = text(column);
		try {
			return (value != null) ? Integer.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(column + " is not a whole number: " + value);
		}
	}

	Instant instant(String column) {
		String value = required(column);
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// PostgreSQL's text form: 2025-09-02 14:15:00.123+00 (or without a zone: UTC)
		}
		try {
			var parsed = POSTGRES.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
			return (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
					: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(column + " is not a timestamp: " + value);
		}
	}

	LocalDate date(String column) {
		String value = text(column);
		try {
			return (value != null) ? LocalDate.parse(value.substring(0, Math.min(10, value.length()))) : null;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(column + " is not a date: " + value);
		}
	}

	boolean flag(String column) {
		String value = text(column);
		return value != null && (value.equalsIgnoreCase("t") || value.equalsIgnoreCase("true") || value.equals("1"));
	}

}
