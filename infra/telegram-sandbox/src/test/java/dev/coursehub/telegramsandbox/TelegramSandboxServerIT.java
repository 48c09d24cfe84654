package dev.coursehub.telegramsandbox;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as the local stack and the container run it: {@code java -jar} with
 * its dependencies in {@code target/lib}, configured by the environment only.
 */
class TelegramSandboxServerIT {

	private Process process;

	@AfterEach
	void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
	}

	@Test
	void runsFromTheEnvironmentAndStopsOnSigterm() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path output = Files.createDirectories(Path.of("target/sandbox-it")).resolve("server.out");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", "target/coursehub-telegram-sandbox.jar")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("TELEGRAM_SANDBOX_PORT", String.valueOf(port));
		builder.environment().put("TELEGRAM_SANDBOX_BLOCKED_USERS", "44");
		this.process = builder.start();
		Awaitility.await("the sandbox says where it listens")
			.atMost(Duration.ofSeconds(30))
			.until(() -> Files.readString(output).contains("Telegram sandbox listening on http://127.0.0.1:" + port));
		assertThat(Files.readString(output)).contains("30/s in all, 1/s per chat, 20/min per group; blocked users: 1");

		BotApi api = new BotApi("http://127.0.0.1:" + port, SandboxSettings.LOCAL_TOKEN);
		assertThat(api.getMe().statusCode()).isEqualTo(200);
		assertThat(api.sendMessage(42, "hello").statusCode()).isEqualTo(200);
		assertThat(api.sendMessage(44, "hello").statusCode()).isEqualTo(403);
		assertThat(api.get("/sandbox/received").body()).isEqualTo("{\"42\":[\"hello\"],\"44\":[\"hello\"]}");

		this.process.destroy();
		assertThat(this.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
	}

}
