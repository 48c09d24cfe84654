package dev.coursehub.localstack;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.coursehub.telegramsandbox.SandboxSettings;
import dev.coursehub.telegramsandbox.TelegramSandboxServer;

/**
 * The stand-in for the Telegram Bot API the stack runs when no real one is configured, so
 * a broadcast is delivered (to the sandbox) without a bot token. It runs in a JVM of its
 * own on the launcher's class path, as the broker does; the {@code TELEGRAM_SANDBOX_*}
 * variables of the launcher's environment reach it (limits, blocked users), except the
 * port and the token, which the launcher sets.
 *
 * @param port where it listens
 */
record TelegramSandboxSpec(int port) {

	static final String NAME = "telegram-sandbox";

	static final String API_URL = "TELEGRAM_API_URL";

	static final String BOT_TOKEN = "TELEGRAM_BOT_TOKEN";

	/**
	 * The sandbox, unless {@code TELEGRAM_API_URL} or {@code TELEGRAM_BOT_TOKEN} is set:
	 * then messaging-service gets those, unchanged, and no sandbox starts.
	 */
	static Optional<TelegramSandboxSpec> forStack(Map<String, String> env, Ports ports) {
		if (isSet(env.get(API_URL)) || isSet(env.get(BOT_TOKEN))) {
			return Optional.empty();
		}
		return Optional.of(new TelegramSandboxSpec(ports.telegramSandbox()));
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

	/** The address it binds: the loopback one, not every interface as the services do. */
	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	URI health() {
		return URI.create(url() + "/sandbox/health");
	}

	/** Where each chat's messages can be read. */
	URI received() {
		return URI.create(url() + "/sandbox/received");
	}

	/** What messaging-service needs to send to the sandbox. */
	Map<String, String> messagingEnvironment() {
		return Map.of(API_URL, url().toString(), BOT_TOKEN, SandboxSettings.LOCAL_TOKEN);
	}

	Map<String, String> environment() {
		return Map.of(SandboxSettings.PORT, String.valueOf(this.port), SandboxSettings.TOKEN,
				SandboxSettings.LOCAL_TOKEN);
	}

	/** A small heap after the configured options: it keeps only the texts it received. */
	List<String> command(JavaCommand java) {
		return java.command(NAME,
				List.of("-Xmx128m", "-cp", KafkaBroker.absolute(System.getProperty("java.class.path"))),
				List.of(TelegramSandboxServer.class.getName()));
	}

}
