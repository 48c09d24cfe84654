package dev.coursehub.analytics.ingest;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.coursehub.analytics.events.CourseCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A fold keeps what applying its events one at a time would have left: the newest version
 * of each aggregate (the first of equal versions), the earliest time of each user, sums
 * of the additions.
 */
class FoldTests {

	@Test
	void keepsEachBookingsNewestStateWhateverTheOrder() {
		Fold fold = new Fold();
		fold.booking(new BookingState(1, 7, 3, "4th_stream", "confirmed", 3));
		fold.booking(new BookingState(1, 7, 3, "3rd_stream", "pending", 1));
		fold.booking(new BookingState(1, 7, 3, "3rd_stream", "confirmed", 2));
		fold.booking(new BookingState(2, 8, 3, null, "pending", 1));

		assertThat(fold.bookings.values())
			.extracting(BookingState::bookingId, BookingState::stream, BookingState::version)
			.containsExactly(tuple(1L, "4th_stream", 3L), tuple(2L, null, 1L));
	}

	@Test
	void keepsTheFirstOfEqualVersionsAsAStrictlyNewerRuleWould() {
		Fold fold = new Fold();
		fold.course(new CourseCreated(5, "first"), 2);
		fold.course(new CourseCreated(5, "same version"), 2);
		fold.course(new CourseCreated(5, "older"), 1);

		assertThat(fold.courses.get(5L).value().title()).isEqualTo("first");
	}

	@Test
	void keepsEachUsersEarliestTimeAndKnowsUsersNamedWithoutOne() {
		Fold fold = new Fold();
		fold.seen(7, null);
		fold.seen(7, Instant.parse("2026-11-03T10:00:00Z"));
		fold.seen(7, Instant.parse("2026-11-02T10:00:00Z"));
		fold.seen(7, Instant.parse("2026-11-04T10:00:00Z"));
		fold.seen(8, null);

		assertThat(fold.users).containsOnlyKeys(7L, 8L);
		assertThat(fold.firstSeen(7)).isEqualTo("2026-11-02T10:00:00Z");
		assertThat(fold.firstSeen(8)).isNull();
	}

	@Test
	void sumsAttendancesPerLessonType() {
		Fold fold = new Fold();
		fold.attendance("intro");
		fold.attendance("advanced");
		fold.attendance("intro");

		assertThat(fold.attendances).containsEntry("intro", 2L).containsEntry("advanced", 1L);
	}

}
