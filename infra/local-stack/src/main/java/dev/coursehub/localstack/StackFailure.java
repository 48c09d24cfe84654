package dev.coursehub.localstack;

import java.nio.file.Path;

/** The stack could not start or stopped running; the message says what failed. */
final class StackFailure extends RuntimeException {

	private final transient Path log;

	StackFailure(String message, Path log) {
		super(message);
		this.log = log;
	}

	StackFailure(String message, Path log, Throwable cause) {
		super(message, cause);
		this.log = log;
	}

	static StackFailure of(Crash crash, String when) {
		return new StackFailure(crash.name() + " exited " + when + ": " + crash.exit(), crash.log());
	}

	/** The log that tells more, or {@code null}. */
	Path log() {
		return this.log;
	}

}
