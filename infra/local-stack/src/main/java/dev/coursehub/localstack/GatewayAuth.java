package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's HS256 secret in the local stack, and admin tokens signed with it, in the
 * form the gateway verifies: issuer {@code coursehub-gateway}, {@code roles}
 * {@code ["user","admin"]}, valid for 12 hours. Health checks through the gateway need
 * one. The secret is {@code GATEWAY_JWT_SECRET} when that is set, otherwise a random one
 * kept in the data folder, so no well-known secret guards even a laptop and tokens
 * survive a restart.
 */
final class GatewayAuth {

	static final String SECRET_VARIABLE = "GATEWAY_JWT_SECRET";

	static final String ISSUER = "coursehub-gateway";

	static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String secret;

	GatewayAuth(String secret) {
		this.secret = secret;
	}

	static GatewayAuth forStack(Map<String, String> env, Path dataDir) throws IOException {
		String configured = env.get(SECRET_VARIABLE);
		if (configured != null && !configured.isBlank()) {
			return new GatewayAuth(configured);
		}
		Path file = dataDir.resolve("gateway-jwt-secret");
		if (!Files.exists(file)) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			Files.createDirectories(dataDir);
			Files.writeString(file, BASE64URL.encodeToString(random) + "\n");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		return new GatewayAuth(Files.readString(file).trim());
	}

	String secret() {
		return this.secret;
	}

	/** A signed admin token for {@code subject}, valid from {@code now} for 12 hours. */
	String adminToken(String subject, Instant now) {
		String header = "{\"typ\":\"JWT\",\"alg\":\"HS256\"}";
		String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"iat\":" + now.getEpochSecond()
				+ ",\"exp\":" + now.plus(TOKEN_LIFETIME).getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID()
				+ "\",\"roles\":[\"user\",\"admin\"]}";
		String signingInput = encode(header) + "." + encode(claims);
		return signingInput + "." + BASE64URL.encodeToString(hmac(signingInput));
	}

	/** Writes a fresh admin token to a file only the owner can read, and returns it. */
	String writeAdminToken(Path file, Instant now) throws IOException {
		String token = adminToken("local-admin", now);
		Files.writeString(file, token + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		return token;
	}

	private static String encode(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] hmac(String signingInput) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
