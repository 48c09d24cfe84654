package dev.coursehub.booking.legacy;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: rows imported, skipped (already there: imported before, or a
 * duplicate the new model keeps once) and rejected, with the line and reason of each row
 * that was not imported (the first {@value #MAX_PROBLEMS}). While an import runs,
 * progress reports ({@code done: false}) carry the counts so far.
 */
public record ImportReport(String table, boolean done, long rows, long imported, long skipped, long rejected,
		List<Problem> problems, boolean problemsTruncated) {

	static final int MAX_PROBLEMS = 1000;

	/** A row that was skipped or rejected. */
	public record Problem(long line, String legacyId, String outcome, String reason) {
	}

	/** Collects outcomes row by row. */
	static final class Builder {

		private final String table;

		private long imported;

		private long skipped;

		private long rejected;

		private final List<Problem> problems = new ArrayList<>();

		private boolean truncated;

		Builder(String table) {
			this.table = table;
		}

		Builder add(RowOutcome outcome) {
			switch (outcome.kind()) {
				case IMPORTED -> this.imported++;
				case SKIPPED -> this.skipped++;
				case REJECTED -> this.rejected++;
			}
			if (outcome.kind() != RowOutcome.Kind.IMPORTED) {
				if (this.problems.size() < MAX_PROBLEMS) {
					this.problems.add(new Problem(outcome.line(), outcome.legacyId(),
							outcome.kind().name().toLowerCase(java.util.Locale.ROOT), outcome.reason()));
				}
				else {
					this.truncated = true;
				}
			}
			return this;
		}

		long rows() {
			return this.imported + this.skipped + this.rejected;
		}

		/** The final report. */
		ImportReport build() {
			return new ImportReport(this.table, true, rows(), this.imported, this.skipped, this.rejected,
					List.copyOf(this.problems), this.truncated);
		}

		/** Progress so far: counts only. */
		ImportReport progress() {
			return new ImportReport(this.table, false, rows(), this.imported, this.skipped, this.rejected, List.of(),
					false);
		}

	}

}
