package dev.coursehub.messaging.telegram;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Bot API is and how fast it may be called.
 *
 * @param apiUrl base URL, {@code https://api.telegram.org} or the sandbox
 * @param botToken the bot's token; a secret, never logged ({@link #toString()} hides it)
 * @param timeout longest wait for one call
 * @param globalPerSecond messages of all instances together in any one second
 * @param globalGuard time added to every second of the global pace, so that a send a
 * little late at the receiving side cannot make one second hold one message too many
 * @param chatPerSecond messages per second to one private chat
 * @param groupPerMinute messages per minute to one group chat
 */
@ConfigurationProperties("coursehub.telegram")
public record TelegramProperties(String apiUrl, String botToken, Duration timeout, int globalPerSecond,
		Duration globalGuard, int chatPerSecond, int groupPerMinute) {

	public TelegramProperties {
		apiUrl = (apiUrl != null && !apiUrl.isBlank()) ? apiUrl : "https://api.telegram.org";
		botToken = (botToken != null) ? botToken.strip() : "";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		globalPerSecond = (globalPerSecond > 0) ? globalPerSecond : 25;
		globalGuard = (globalGuard != null && !globalGuard.isNegative()) ? globalGuard : Duration.ofMillis(25);
		chatPerSecond = (chatPerSecond > 0) ? chatPerSecond : 1;
		groupPerMinute = (groupPerMinute > 0) ? groupPerMinute : 20;
	}

	public boolean hasToken() {
		return !this.botToken.isEmpty();
	}

	@Override
	public String toString() {
		return "TelegramProperties[apiUrl=" + this.apiUrl + ", botToken=" + (hasToken() ? "<hidden>" : "<none>")
				+ ", timeout=" + this.timeout + ", globalPerSecond=" + this.globalPerSecond + ", globalGuard="
				+ this.globalGuard + ", chatPerSecond=" + this.chatPerSecond + ", groupPerMinute=" + this.groupPerMinute
				+ "]";
	}

}
