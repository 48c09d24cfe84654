package dev.coursehub.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Telegram Login Widget payloads signed the way Telegram signs them, computed here with
 * javax.crypto directly, independently of the gateway's verifier.
 */
final class TelegramPayloads {

	static final String BOT_TOKEN = "123456:TEST-bot-token";

	private TelegramPayloads() {
	}

	static Map<String, Object> signed(String botToken, long id, long authDate) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id);
		payload.put("first_name", "Ada");
		payload.put("last_name", "Lovelace");
		payload.put("username", "ada_l");
		payload.put("photo_url", "https://t.me/i/userpic/320/ada.jpg");
		payload.put("auth_date", authDate);
		payload.put("hash", hash(botToken, payload));
		return payload;
	}

	static String hash(String botToken, Map<String, Object> payload) {
		String dataCheckString = new TreeMap<>(payload).entrySet()
			.stream()
			.filter((field) -> !field.getKey().equals("hash"))
			.map((field) -> field.getKey() + "=" + field.getValue())
			.collect(Collectors.joining("\n"));
		try {
			byte[] key = MessageDigest.getInstance("SHA-256").digest(botToken.getBytes(StandardCharsets.UTF_8));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(dataCheckString.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
