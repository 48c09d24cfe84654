package dev.coursehub.telegramsandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's limits on one bot as the receiving side sees them: calls per second in all,
 * the gap between two calls to one chat, and a longer gap for groups (negative chat ids).
 * A chat's gap leaves 200 ms (at most a fifth of it) for the network, so a sender that
 * keeps the limit is never judged by the jitter of its own machine.
 */
final class Limits {

	private static final long SECOND = 1_000_000_000L;

	private static final long NETWORK = 200_000_000L;

	private final int globalPerSecond;

	private final long chatInterval;

	private final long groupInterval;

	/** Arrivals within the last second, oldest first. */
	private final Deque<Long> window = new ArrayDeque<>();

	private final Map<Long, Long> lastToChat = new HashMap<>();

	Limits(SandboxSettings settings) {
		this.globalPerSecond = settings.globalPerSecond();
		this.chatInterval = (settings.chatPerSecond() > 0) ? SECOND / settings.chatPerSecond() : 0;
		this.groupInterval = Math.max(this.chatInterval,
				(settings.groupPerMinute() > 0) ? 60 * SECOND / settings.groupPerMinute() : 0);
	}

	/**
	 * Records a call to {@code chatId} arriving at {@code now} (nanoseconds) and answers
	 * Telegram's {@code retry_after}: the whole seconds until the call would have been
	 * allowed, or 0 when it is within every limit.
	 */
	synchronized int retryAfter(long chatId, long now) {
		long wait = 0;
		while (!this.window.isEmpty() && now - this.window.peekFirst() >= SECOND) {
			this.window.removeFirst();
		}
		this.window.addLast(now);
		if (this.globalPerSecond > 0 && this.window.size() > this.globalPerSecond) {
			long oldest = this.window.stream().skip(this.window.size() - this.globalPerSecond - 1).findFirst().get();
			wait = oldest + SECOND - now;
		}
		Long last = this.lastToChat.put(chatId, now);
		long interval = (chatId < 0) ? this.groupInterval : this.chatInterval;
		if (last != null && now - last < interval - Math.min(NETWORK, interval / 5)) {
			wait = Math.max(wait, last + interval - now);
		}
		return (wait > 0) ? (int) Math.max(1, (wait + SECOND - 1) / SECOND) : 0;
	}

	synchronized void clear() {
		this.window.clear();
		this.lastToChat.clear();
	}

}
