package dev.coursehub.booking.workshop;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionStatusTests {

	static final Instant now = Instant.parse("2026-07-06T12:00:00Z");

	static final Instant later = now.plusSeconds(3600);

	@Test
	void followsTheLegacyLifecycleFromSeats() {
		assertThat(SessionStatus.at(now, "scheduled", 12, 0, later)).isEqualTo("upcoming");
		assertThat(SessionStatus.at(now, "scheduled", 12, 1, later)).isEqualTo("active");
		assertThat(SessionStatus.at(now, "scheduled", 12, 12, later)).isEqualTo("full");
		assertThat(SessionStatus.at(now, "scheduled", 12, 11, later)).isEqualTo("active");
	}

	@Test
	void isCompletedOnceItsEndHasPassedButCancelledStaysCancelled() {
		assertThat(SessionStatus.at(now, "scheduled", 12, 12, now)).isEqualTo("completed");
		assertThat(SessionStatus.at(now, "scheduled", 12, 0, now.minusSeconds(1))).isEqualTo("completed");
		assertThat(SessionStatus.at(now, "cancelled", 12, 0, now.minusSeconds(1))).isEqualTo("cancelled");
	}

	@Test
	void neverPublishesCompleted() {
		assertThat(SessionStatus.ofSeats("scheduled", 12, 12)).isEqualTo("full");
		assertThat(SessionStatus.ofSeats("cancelled", 12, 3)).isEqualTo("cancelled");
	}

}
