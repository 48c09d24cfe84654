package dev.coursehub.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.coursehub.gateway.auth.TelegramLoginException.Reason;

/**
 * Checks a Telegram Login Widget payload as Telegram documents it: the hash is the
 * HMAC-SHA256, keyed with SHA-256 of the bot token, of the data-check-string (every
 * received field but {@code hash}, sorted by key, as {@code key=value} lines joined by
 * {@code \n}); {@code auth_date} must be neither older than the allowed age nor in the
 * future.
 */
final class TelegramLoginVerifier {

	private final byte[] secretKey;

	private final Duration maxAge;

	private final Clock clock;

	TelegramLoginVerifier(String botToken, Duration maxAge, Clock clock) {
		this.secretKey = (botToken == null || botToken.isBlank()) ? null : sha256(botToken);
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/**
	 * Verify the payload and return the Telegram user id it proves.
	 * @param payload the fields the widget sent
	 * @return the Telegram user id
	 * @throws TelegramLoginException when the login is refused
	 */
	String verify(Map<String, ?> payload) {
		if (this.secretKey == null) {
			throw new TelegramLoginException(Reason.NOT_CONFIGURED, "Telegram login is not configured");
		}
		Map<String, String> fields = new TreeMap<>();
		payload.forEach((key, value) -> {
			if (value != null) {
				fields.put(key, text(key, value));
			}
		});
		String hash = fields.remove("hash");
		String id = fields.get("id");
		String authDate = fields.get("auth_date");
		if (hash == null || id == null || authDate == null || !id.matches("\\d{1,20}")
				|| !authDate.matches("\\d{1,12}")) {
			throw new TelegramLoginException(Reason.MALFORMED, "id, auth_date and hash are required");
		}
		String dataCheckString = fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + field.getValue())
			.collect(Collectors.joining("\n"));
		byte[] expected = HexFormat.of().formatHex(hmacSha256(this.secretKey, dataCheckString)).getBytes();
		if (!MessageDigest.isEqual(expected, hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
			throw new TelegramLoginException(Reason.BAD_HASH, "The login data does not match its hash");
		}
		Instant authenticatedAt = Instant.ofEpochSecond(Long.parseLong(authDate));
		Instant now = this.clock.instant();
		if (authenticatedAt.isAfter(now)) {
			throw new TelegramLoginException(Reason.FROM_THE_FUTURE, "auth_date lies in the future");
		}
		if (authenticatedAt.plus(this.maxAge).isBefore(now)) {
			throw new TelegramLoginException(Reason.EXPIRED, "The login is too old; log in again");
		}
		return id;
	}

	private static String text(String key, Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		throw new TelegramLoginException(Reason.MALFORMED, "Field " + key + " is not a plain value");
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] hmacSha256(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
