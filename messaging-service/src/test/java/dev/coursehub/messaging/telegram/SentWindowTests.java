package dev.coursehub.messaging.telegram;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window of this instance's writes: a send goes only when the send a second's worth
 * of sends before it was written at least a second earlier.
 */
class SentWindowTests {

	static final long SECOND = Duration.ofSeconds(1).toNanos();

	static final long MS = Duration.ofMillis(1).toNanos();

	@Test
	void theFirstSendsOfASecondAllGo() {
		SentWindow window = new SentWindow(3);
		long now = System.nanoTime();
		for (int i = 0; i < 3; i++) {
			assertThat(window.open(now, now)).isNotNull().satisfies(SentWindow.Ticket::written);
		}
	}

	@Test
	void aSendWaitsForASecondAfterTheWriteASecondsWorthBefore() {
		SentWindow window = new SentWindow(2);
		long start = System.nanoTime();
		window.open(start, start).written();
		long firstWritten = System.nanoTime();
		window.open(start, start).written();
		// the third send is compared with the first one's write, not with its slot
		assertThat(window.open(start, firstWritten + SECOND - MS)).isNull();
		assertThat(window.open(start, firstWritten + SECOND + MS)).isNotNull();
	}

	@Test
	void aSendThatHasNotReportedItsWriteHoldsTheWindow() {
		SentWindow window = new SentWindow(1);
		long now = System.nanoTime();
		SentWindow.Ticket inFlight = window.open(now, now);
		assertThat(window.open(now, now + 10 * SECOND)).isNull();
		inFlight.written();
		assertThat(window.open(now, System.nanoTime() + SECOND)).isNotNull();
	}

	@Test
	void onlyTheFirstReportCountsAndItSaysHowLateAfterTheSlot() {
		SentWindow window = new SentWindow(1);
		long slot = System.nanoTime() - 30 * MS;
		SentWindow.Ticket ticket = window.open(slot, slot);
		assertThat(ticket.written()).isBetween(30 * MS, 10 * SECOND);
		long reported = System.nanoTime();
		assertThat(ticket.written()).isEqualTo(-1);
		// the later report did not move the write: a second after the first one is enough
		assertThat(window.open(slot, reported + SECOND)).isNotNull();
	}

}
