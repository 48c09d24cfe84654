package dev.coursehub.messaging.broadcast;

import java.time.Instant;

/**
 * One recipient of a broadcast and what became of the message to them.
 */
record RecipientDelivery(long id, long userId, long chatId, String status, Long telegramMessageId, Integer errorCode,
		String errorDescription, int attempts, Instant updatedAt) {

}
