package dev.coursehub.telegramsandbox;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits on a clock of the test's choosing: {@code retry_after} is the whole seconds
 * until the call would have been allowed.
 */
class LimitsTests {

	private static final long MS = 1_000_000L;

	@Test
	void answersRetryAfterOnePastTheGlobalLimitWithinOneSecond() {
		Limits limits = new Limits(settings(2, 0, 0));
		assertThat(limits.retryAfter(1, 0)).isZero();
		assertThat(limits.retryAfter(2, 10 * MS)).isZero();
		assertThat(limits.retryAfter(3, 20 * MS)).isEqualTo(1);
		// every earlier call, the refused one included, left the window
		assertThat(limits.retryAfter(4, 1_025 * MS)).isZero();
	}

	@Test
	void spacesCallsToOnePrivateChatOneSecondApartLessTheNetworkAllowance() {
		Limits limits = new Limits(settings(0, 1, 20));
		assertThat(limits.retryAfter(42, 0)).isZero();
		assertThat(limits.retryAfter(42, 500 * MS)).isEqualTo(1);
		assertThat(limits.retryAfter(42, 1_350 * MS)).isZero();
		assertThat(limits.retryAfter(43, 1_360 * MS)).as("another chat").isZero();
	}

	@Test
	void spacesCallsToOneGroupByItsPerMinuteLimitAndAnswersTheSecondsLeft() {
		Limits limits = new Limits(settings(0, 1, 20));
		assertThat(limits.retryAfter(-100123, 0)).isZero();
		assertThat(limits.retryAfter(-100123, 500 * MS)).isEqualTo(3);
		assertThat(limits.retryAfter(-100123, 2_000 * MS)).isEqualTo(2);
		assertThat(limits.retryAfter(-100123, 4_900 * MS)).isZero();
	}

	@Test
	void enforcesNothingWhenEveryLimitIsOff() {
		Limits limits = new Limits(settings(0, 0, 0));
		for (int i = 0; i < 100; i++) {
			assertThat(limits.retryAfter(42, i * MS)).isZero();
			assertThat(limits.retryAfter(-42, i * MS)).isZero();
		}
	}

	private static SandboxSettings settings(int global, int chat, int group) {
		return new SandboxSettings("127.0.0.1", 0, "1:t", global, chat, group, Set.of());
	}

}
