package dev.coursehub.messaging.delivery;

/**
 * A recipient this instance holds, with what to send to it.
 */
record Claim(long id, long broadcastId, long userId, long chatId, int attempts, String text, String parseMode) {

}
