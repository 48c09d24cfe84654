package dev.coursehub.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import dev.coursehub.gateway.auth.TelegramLoginException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TelegramLoginVerifierTests {

	static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	final TelegramLoginVerifier verifier = new TelegramLoginVerifier(TelegramPayloads.BOT_TOKEN, Duration.ofDays(1),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void acceptsAFixedVectorComputedOutsideJava() {
		// hash computed with Python's hmac/hashlib over
		// "auth_date=1767225600\nfirst_name=Ada\nid=42\nusername=ada_l"
		Map<String, Object> payload = Map.of("id", 42, "first_name", "Ada", "username", "ada_l", "auth_date",
				1767225600L, "hash", "0f0caf2fc40811088513dabbda3b51302e39c93b19e304039370ea6561e59184");
		assertThat(this.verifier.verify(payload)).isEqualTo("42");
	}

	@Test
	void acceptsAPayloadSignedWithTheBotToken() {
		Map<String, Object> payload = TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 987654321L,
				NOW.minusSeconds(60).getEpochSecond());
		assertThat(this.verifier.verify(payload)).isEqualTo("987654321");
	}

	@Test
	void acceptsAnUppercaseHashAndStringValues() {
		Map<String, Object> payload = TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, NOW.getEpochSecond());
		Map<String, Object> asStrings = new HashMap<>();
		payload.forEach((key, value) -> asStrings.put(key, value.toString()));
		asStrings.put("hash", asStrings.get("hash").toString().toUpperCase());
		assertThat(this.verifier.verify(asStrings)).isEqualTo("5");
	}

	@Test
	void rejectsATamperedField() {
		Map<String, Object> payload = new HashMap<>(
				TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, NOW.getEpochSecond()));
		payload.put("id", 6L);
		assertRejected(payload, Reason.BAD_HASH);
	}

	@Test
	void rejectsAnAddedField() {
		Map<String, Object> payload = new HashMap<>(
				TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, NOW.getEpochSecond()));
		payload.put("is_admin", true);
		assertRejected(payload, Reason.BAD_HASH);
	}

	@Test
	void rejectsAPayloadSignedWithAnotherBot() {
		assertRejected(TelegramPayloads.signed("999:other-bot", 5L, NOW.getEpochSecond()), Reason.BAD_HASH);
	}

	@Test
	void rejectsALoginOlderThanTheMaxAge() {
		long tooOld = NOW.minus(Duration.ofDays(1)).minusSeconds(1).getEpochSecond();
		assertRejected(TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, tooOld), Reason.EXPIRED);
		long justInTime = NOW.minus(Duration.ofDays(1)).getEpochSecond();
		assertThat(this.verifier.verify(TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, justInTime)))
			.isEqualTo("5");
	}

	@Test
	void rejectsALoginFromTheFuture() {
		assertRejected(TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, NOW.plusSeconds(1).getEpochSecond()),
				Reason.FROM_THE_FUTURE);
	}

	@Test
	void rejectsAPayloadWithoutHashIdOrAuthDate() {
		for (String missing : new String[] { "hash", "id", "auth_date" }) {
			Map<String, Object> payload = new HashMap<>(
					TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, NOW.getEpochSecond()));
			payload.remove(missing);
			assertRejected(payload, Reason.MALFORMED);
		}
	}

	@Test
	void refusesEveryLoginWithoutABotToken() {
		// with an empty token the HMAC key would be SHA-256 of "": anyone could sign
		TelegramLoginVerifier unconfigured = new TelegramLoginVerifier("", Duration.ofDays(1),
				Clock.fixed(NOW, ZoneOffset.UTC));
		Map<String, Object> signedWithEmptyToken = TelegramPayloads.signed("", 5L, NOW.getEpochSecond());
		assertThatExceptionOfType(TelegramLoginException.class)
			.isThrownBy(() -> unconfigured.verify(signedWithEmptyToken))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.NOT_CONFIGURED));
	}

	private void assertRejected(Map<String, Object> payload, Reason reason) {
		assertThatExceptionOfType(TelegramLoginException.class).isThrownBy(() -> this.verifier.verify(payload))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
