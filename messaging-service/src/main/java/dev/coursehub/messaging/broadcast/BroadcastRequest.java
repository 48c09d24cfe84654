package dev.coursehub.messaging.broadcast;

import java.time.Instant;

import dev.coursehub.messaging.recipient.Target;

/**
 * A new broadcast: Telegram's {@code text} (1 to 4096 characters), an optional
 * {@code parseMode} ({@code HTML}, {@code MarkdownV2} or {@code Markdown}), who it goes
 * to and, optionally, when.
 */
record BroadcastRequest(String text, String parseMode, Target target, Instant scheduledAt) {

}
