package dev.coursehub.gateway.auth;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HS256 key from the configured secret. */
final class HmacSecrets {

	static final int MIN_BYTES = 32;

	private HmacSecrets() {
	}

	static SecretKey hs256(String secret) {
		byte[] bytes = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (bytes.length < MIN_BYTES) {
			throw new IllegalArgumentException(
					"The gateway JWT secret (GATEWAY_JWT_SECRET) must be at least " + MIN_BYTES + " bytes");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
