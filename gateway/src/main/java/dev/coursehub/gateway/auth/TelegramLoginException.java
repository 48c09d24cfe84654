package dev.coursehub.gateway.auth;

/** A Telegram login the gateway refuses, and why. */
class TelegramLoginException extends RuntimeException {

	enum Reason {

		/** No bot token is configured: nothing could be verified. */
		NOT_CONFIGURED,
		/**
		 * The payload misses {@code id}, {@code auth_date} or {@code hash}, or has odd
		 * values.
		 */
		MALFORMED,
		/** The hash does not match the payload. */
		BAD_HASH,
		/** {@code auth_date} is older than the allowed age. */
		EXPIRED,
		/** {@code auth_date} lies in the future. */
		FROM_THE_FUTURE

	}

	private final Reason reason;

	TelegramLoginException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

}
