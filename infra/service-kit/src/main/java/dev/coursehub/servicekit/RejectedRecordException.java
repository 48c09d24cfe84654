package dev.coursehub.servicekit;

/**
 * Thrown by a listener for a record it can read but will never be able to apply (a
 * missing field, an impossible value): the record goes straight to the dead-letter topic
 * with this message as the reason, without retries.
 */
public class RejectedRecordException extends RuntimeException {

	public RejectedRecordException(String reason) {
		super(reason);
	}

	public RejectedRecordException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
