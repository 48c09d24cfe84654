package dev.coursehub.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TelegramSandboxSpecTests {

	private final Ports ports = Ports.from(Map.of("COURSEHUB_TELEGRAM_SANDBOX_PORT", "9084"));

	@Test
	void runsWhenNoBotApiIsConfiguredAndPointsMessagingAtItWithAPlaceholderToken() {
		TelegramSandboxSpec sandbox = TelegramSandboxSpec.forStack(Map.of("TELEGRAM_API_URL", " "), this.ports)
			.orElseThrow();
		assertThat(sandbox.health()).isEqualTo(URI.create("http://127.0.0.1:9084/sandbox/health"));
		assertThat(sandbox.environment()).containsOnly(entry("TELEGRAM_SANDBOX_PORT", "9084"),
				entry("TELEGRAM_SANDBOX_BOT_TOKEN", "0:local-sandbox-token-not-a-secret"));
		StackConfig config = StackConfig.from(Map.of(), Path.of("/repo"));
		ServiceSpec messaging = ServiceSpec.backEnds(config, sandbox.messagingEnvironment()).get(2);
		assertThat(messaging.environment()).contains(entry("TELEGRAM_API_URL", "http://127.0.0.1:9084"),
				entry("TELEGRAM_BOT_TOKEN", "0:local-sandbox-token-not-a-secret"));
		assertThat(ServiceSpec.backEnds(config, sandbox.messagingEnvironment()).get(0).environment())
			.doesNotContainKeys("TELEGRAM_API_URL", "TELEGRAM_BOT_TOKEN");
	}

	@Test
	void aBotApiOrTokenOfTheUserWinsAndNoSandboxRuns() {
		assertThat(TelegramSandboxSpec.forStack(Map.of("TELEGRAM_BOT_TOKEN", "123:real"), this.ports)).isEmpty();
		assertThat(TelegramSandboxSpec.forStack(Map.of("TELEGRAM_API_URL", "http://elsewhere"), this.ports))
			.isEqualTo(Optional.empty());
	}

	@Test
	void runsOnTheLaunchersClassPathWithASmallHeapAfterTheConfiguredOptions() {
		JavaCommand java = new JavaCommand(Path.of("/jdk/bin/java"), List.of("-Xmx384m"), Optional.empty());
		List<String> command = new TelegramSandboxSpec(9084).command(java);
		assertThat(command)
			.startsWith("/jdk/bin/java", "-Xmx384m", "-Dcoursehub.local-stack=telegram-sandbox", "-Xmx128m", "-cp")
			.endsWith("dev.coursehub.telegramsandbox.TelegramSandboxServer");
	}

}
