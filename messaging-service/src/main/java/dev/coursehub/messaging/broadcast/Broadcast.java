package dev.coursehub.messaging.broadcast;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A broadcast with its recipients counted by status. {@code pauseReason} says why a
 * paused broadcast stopped (an admin, or the failure rate).
 */
record Broadcast(long id, String text, String parseMode, JsonNode target, String state, String pauseReason,
		int totalRecipients, Counts counts, Instant scheduledAt, Instant createdAt, Instant startedAt,
		Instant finishedAt) {

	/**
	 * Recipients by status: {@code sending} is in flight now; {@code unknown} were in
	 * flight when their sender died and are never re-sent on their own.
	 */
	record Counts(long pending, long sending, long sent, long failed, long unknown) {

		long done() {
			return this.sent + this.failed + this.unknown;
		}

	}

}
