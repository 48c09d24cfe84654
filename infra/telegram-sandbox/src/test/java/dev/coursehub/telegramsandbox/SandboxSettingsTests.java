package dev.coursehub.telegramsandbox;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SandboxSettingsTests {

	@Test
	void defaultsToTelegramsLimitsOnPort8084WithTheLocalToken() {
		SandboxSettings settings = SandboxSettings.fromEnvironment(Map.of());
		assertThat(settings)
			.isEqualTo(new SandboxSettings("127.0.0.1", 8084, SandboxSettings.LOCAL_TOKEN, 30, 1, 20, Set.of()));
	}

	@Test
	void readsEverySettingFromTheEnvironment() {
		SandboxSettings settings = SandboxSettings.fromEnvironment(Map.of("TELEGRAM_SANDBOX_HOST", "0.0.0.0",
				"TELEGRAM_SANDBOX_PORT", "9999", "TELEGRAM_SANDBOX_BOT_TOKEN", "7:x",
				"TELEGRAM_SANDBOX_GLOBAL_PER_SECOND", "5", "TELEGRAM_SANDBOX_CHAT_PER_SECOND", "0",
				"TELEGRAM_SANDBOX_GROUP_PER_MINUTE", "60", "TELEGRAM_SANDBOX_BLOCKED_USERS", "11, 12,-100500"));
		assertThat(settings)
			.isEqualTo(new SandboxSettings("0.0.0.0", 9999, "7:x", 5, 0, 60, Set.of(11L, 12L, -100500L)));
		assertThat(settings.describe())
			.isEqualTo("limits: 5/s in all, no limit per chat, 60/min per group; blocked users: 3");
	}

	@Test
	void namesTheVariableThatIsWrong() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SandboxSettings.fromEnvironment(Map.of("TELEGRAM_SANDBOX_PORT", "http")))
			.withMessage("TELEGRAM_SANDBOX_PORT must be a whole number from 0 to 65535, not 'http'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SandboxSettings.fromEnvironment(Map.of("TELEGRAM_SANDBOX_BLOCKED_USERS", "11,bob")))
			.withMessageStartingWith("TELEGRAM_SANDBOX_BLOCKED_USERS must list Telegram user ids");
	}

}
