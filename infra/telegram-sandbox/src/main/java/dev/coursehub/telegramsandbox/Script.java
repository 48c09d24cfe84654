package dev.coursehub.telegramsandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox was told to answer instead of a success: users who blocked the bot
 * (from the settings, and added by tests), chats that are not found, fail with a server
 * error or are never answered, a number of 429s for anyone, and a delay before every
 * success.
 */
final class Script {

	/** What a message to one chat gets once it is within the limits and recorded. */
	enum Answer {

		SUCCESS, BLOCKED, BAD_REQUEST, SERVER_ERROR, NONE

	}

	private final Set<Long> blockedBySettings;

	private final Set<Long> blocked = ConcurrentHashMap.newKeySet();

	private final Set<Long> badRequests = ConcurrentHashMap.newKeySet();

	private final Set<Long> hanging = ConcurrentHashMap.newKeySet();

	private final Map<Long, AtomicInteger> serverErrors = new ConcurrentHashMap<>();

	private final AtomicInteger tooManyRequests = new AtomicInteger();

	private volatile Duration responseDelay = Duration.ZERO;

	Script(Set<Long> blockedBySettings) {
		this.blockedBySettings = Set.copyOf(blockedBySettings);
		this.blocked.addAll(this.blockedBySettings);
	}

	/** Back to the settings: only their blocked users stay blocked. */
	void clear() {
		this.blocked.clear();
		this.blocked.addAll(this.blockedBySettings);
		this.badRequests.clear();
		this.hanging.clear();
		this.serverErrors.clear();
		this.tooManyRequests.set(0);
		this.responseDelay = Duration.ZERO;
	}

	void block(long chatId) {
		this.blocked.add(chatId);
	}

	void rejectWithBadRequest(long chatId) {
		this.badRequests.add(chatId);
	}

	void failWithServerError(long chatId, int times) {
		this.serverErrors.put(chatId, new AtomicInteger(times));
	}

	void hang(long chatId) {
		this.hanging.add(chatId);
	}

	void answerTooManyRequests(int times) {
		this.tooManyRequests.set(times);
	}

	void respondAfter(Duration delay) {
		this.responseDelay = delay;
	}

	Duration responseDelay() {
		return this.responseDelay;
	}

	/** Whether this message takes one of the 429s a test asked for. */
	boolean takeTooManyRequests() {
		return this.tooManyRequests.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
	}

	Answer answerFor(long chatId) {
		if (this.hanging.contains(chatId)) {
			return Answer.NONE;
		}
		if (this.blocked.contains(chatId)) {
			return Answer.BLOCKED;
		}
		if (this.badRequests.contains(chatId)) {
			return Answer.BAD_REQUEST;
		}
		AtomicInteger errors = this.serverErrors.get(chatId);
		if (errors != null && errors.getAndDecrement() > 0) {
			return Answer.SERVER_ERROR;
		}
		return Answer.SUCCESS;
	}

}
