package dev.coursehub.booking.legacy;

/** What became of one CSV row. */
record RowOutcome(Kind kind, long line, String legacyId, String reason) {

	enum Kind {

		IMPORTED, SKIPPED, REJECTED

	}

	static RowOutcome imported(LegacyRow row) {
		return new RowOutcome(Kind.IMPORTED, row.line(), row.legacyId(), null);
	}

	static RowOutcome skipped(LegacyRow row, String reason) {
		return new RowOutcome(Kind.SKIPPED, row.line(), row.legacyId(), reason);
	}

	static RowOutcome rejected(LegacyRow row, String reason) {
		return new RowOutcome(Kind.REJECTED, row.line(), row.legacyId(), reason);
	}

}
