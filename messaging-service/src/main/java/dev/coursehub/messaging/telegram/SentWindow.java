package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When this instance's last {@code perSecond} sends were written to the wire. A send may
 * go only when the send {@code perSecond} before it was written at least a second
 * earlier, so however late earlier sends left (a pause of this JVM between a slot and its
 * write), no second of this instance's writes holds more than {@code perSecond}. The
 * global slots' guard then only has to cover what happens after the write (the network,
 * the receiving side) and other instances' late sends.
 * <p>
 * A send that has not reported its write yet counts as written now, which can only hold a
 * later send back, never let one through too early.
 */
public final class SentWindow {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	/** An entry no send has used yet. */
	private static final long EMPTY = Long.MIN_VALUE;

	/** An entry whose send has not reported its write yet. */
	private static final long UNWRITTEN = Long.MAX_VALUE;

	private final long[] written;

	private long next;

	SentWindow(int perSecond) {
		this.written = new long[Math.max(1, perSecond)];
		Arrays.fill(this.written, EMPTY);
	}

	/**
	 * A ticket for a send that goes now, or null when the send {@code perSecond} before
	 * was written less than a second before {@code now} (or not yet).
	 */
	synchronized Ticket open(long slot, long now) {
		int index = (int) (this.next % this.written.length);
		long before = this.written[index];
		if (before != EMPTY && (before == UNWRITTEN || now - before < SECOND)) {
			return null;
		}
		this.written[index] = UNWRITTEN;
		this.next++;
		return new Ticket(index, slot);
	}

	private synchronized void record(int index, long at) {
		this.written[index] = at;
	}

	/** One send that passed the window: it reports when it was written. */
	public final class Ticket {

		private final int index;

		private final long slot;

		private final AtomicBoolean reported = new AtomicBoolean();

		private Ticket(int index, long slot) {
			this.index = index;
			this.slot = slot;
		}

		/**
		 * The send was written now, or will not be (it was cancelled or failed before its
		 * write): only the first report counts.
		 * @return nanoseconds from the send's slot to now for the first report, -1 for
		 * any later one
		 */
		public long written() {
			if (!this.reported.compareAndSet(false, true)) {
				return -1;
			}
			long now = System.nanoTime();
			record(this.index, now);
			return Math.max(0, now - this.slot);
		}

	}

}
