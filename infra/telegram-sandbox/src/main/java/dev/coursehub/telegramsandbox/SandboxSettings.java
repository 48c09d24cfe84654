package dev.coursehub.telegramsandbox;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a sandbox listens and which limits it enforces. A limit of 0 or less is no limit.
 *
 * @param host the address to bind, {@code 127.0.0.1} or {@code 0.0.0.0} in a container
 * @param port the port, 0 for any free one
 * @param token the bot token callers must put into the URL ({@code /bot<token>/...})
 * @param globalPerSecond {@code sendMessage} calls per second, all chats together
 * @param chatPerSecond calls per second to one chat
 * @param groupPerMinute calls per minute to one group chat (a negative chat id)
 * @param blocked chats that answer 403, as a user who blocked the bot
 */
public record SandboxSettings(String host, int port, String token, int globalPerSecond, int chatPerSecond,
		int groupPerMinute, Set<Long> blocked) {

	/**
	 * The token of the local stack and compose: a placeholder anyone may read, never a
	 * real bot's.
	 */
	public static final String LOCAL_TOKEN = "0:local-sandbox-token-not-a-secret";

	public static final String HOST = "TELEGRAM_SANDBOX_HOST";

	public static final String PORT = "TELEGRAM_SANDBOX_PORT";

	public static final String TOKEN = "TELEGRAM_SANDBOX_BOT_TOKEN";

	public static final String GLOBAL_PER_SECOND = "TELEGRAM_SANDBOX_GLOBAL_PER_SECOND";

	public static final String CHAT_PER_SECOND = "TELEGRAM_SANDBOX_CHAT_PER_SECOND";

	public static final String GROUP_PER_MINUTE = "TELEGRAM_SANDBOX_GROUP_PER_MINUTE";

	public static final String BLOCKED = "TELEGRAM_SANDBOX_BLOCKED_USERS";

	/**
	 * Telegram's own limits: about 30 messages a second, 1 per chat, 20 a minute per
	 * group.
	 */
	public static final int TELEGRAM_GLOBAL_PER_SECOND = 30;

	public SandboxSettings {
		blocked = Set.copyOf(blocked);
	}

	/** Telegram's limits, on a free local port, with the given global limit and token. */
	public static SandboxSettings local(int globalPerSecond, String token) {
		return new SandboxSettings("127.0.0.1", 0, token, globalPerSecond, 1, 20, Set.of());
	}

	/**
	 * Read from the {@code TELEGRAM_SANDBOX_*} variables, Telegram's limits by default.
	 */
	public static SandboxSettings fromEnvironment(Map<String, String> env) {
		return new SandboxSettings(text(env, HOST, "127.0.0.1"), number(env, PORT, 8084, 0, 65535),
				text(env, TOKEN, LOCAL_TOKEN),
				number(env, GLOBAL_PER_SECOND, TELEGRAM_GLOBAL_PER_SECOND, 0, Integer.MAX_VALUE),
				number(env, CHAT_PER_SECOND, 1, 0, Integer.MAX_VALUE),
				number(env, GROUP_PER_MINUTE, 20, 0, Integer.MAX_VALUE), chats(env.get(BLOCKED)));
	}

	public SandboxSettings withPort(int port) {
		return new SandboxSettings(this.host, port, this.token, this.globalPerSecond, this.chatPerSecond,
				this.groupPerMinute, this.blocked);
	}

	public SandboxSettings withBlocked(Set<Long> blocked) {
		return new SandboxSettings(this.host, this.port, this.token, this.globalPerSecond, this.chatPerSecond,
				this.groupPerMinute, blocked);
	}

	/** What it enforces, for a start-up line; never the token. */
	public String describe() {
		return "limits: " + limit(this.globalPerSecond, "/s in all") + ", " + limit(this.chatPerSecond, "/s per chat")
				+ ", " + limit(this.groupPerMinute, "/min per group") + "; blocked users: "
				+ (this.blocked.isEmpty() ? "none" : this.blocked.size());
	}

	private static String limit(int value, String unit) {
		return (value > 0) ? value + unit : "no limit" + unit.substring(unit.indexOf(' '));
	}

	private static String text(Map<String, String> env, String variable, String fallback) {
		String value = env.get(variable);
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	private static int number(Map<String, String> env, String variable, int fallback, int min, int max) {
		String value = env.get(variable);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(
				variable + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
	}

	private static Set<Long> chats(String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		try {
			return Arrays.stream(value.split("[,\\s]+"))
				.filter((id) -> !id.isEmpty())
				.map(Long::valueOf)
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					BLOCKED + " must list Telegram user ids separated by commas, not '" + value + "'");
		}
	}

}
