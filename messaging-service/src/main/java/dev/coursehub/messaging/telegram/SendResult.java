package dev.coursehub.messaging.telegram;

import java.time.Duration;

/**
 * What one {@code sendMessage} call came to, as delivery needs to tell it apart.
 */
public sealed interface SendResult {

	/** Telegram accepted the message. */
	record Sent(long messageId) implements SendResult {
	}

	/** 429: nobody may send before {@code retryAfter} has passed. */
	record RateLimited(Duration retryAfter) implements SendResult {
	}

	/**
	 * 403: the user blocked the bot, was deactivated or never started it; not retried,
	 * the recipient becomes unreachable.
	 */
	record Blocked(int code, String description) implements SendResult {
	}

	/** 400 and other 4xx: the request itself is wrong for this chat; not retried. */
	record Rejected(int code, String description) implements SendResult {
	}

	/**
	 * 5xx, a timeout or a broken connection: worth another try later. {@code code} is 0
	 * when no HTTP answer came.
	 */
	record Transient(int code, String description) implements SendResult {
	}

}
