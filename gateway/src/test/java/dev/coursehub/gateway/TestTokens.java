package dev.coursehub.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens for tests, signed with Nimbus directly rather than through the gateway's own
 * code, so a bug there cannot hide in both.
 */
public final class TestTokens {

	/** The secret every gateway test context is started with. */
	public static final String SECRET = "test-only-secret-for-the-gateway-tests-0123456789";

	/** Another secret of the right length: tokens signed with it must be refused. */
	public static final String OTHER_SECRET = "another-secret-that-the-gateway-does-not-know-0000";

	/** Properties that give a test context the secret above. */
	public static final String SECRET_PROPERTY = "coursehub.gateway.auth.jwt-secret=" + SECRET;

	private static final String ISSUER = "coursehub-gateway";

	private TestTokens() {
	}

	public static String user(String subject) {
		return sign(SECRET, ISSUER, subject, List.of("user"), Instant.now().plus(Duration.ofHours(1)));
	}

	public static String admin(String subject) {
		return sign(SECRET, ISSUER, subject, List.of("user", "admin"), Instant.now().plus(Duration.ofHours(1)));
	}

	public static String expiredAdmin(String subject) {
		return sign(SECRET, ISSUER, subject, List.of("user", "admin"), Instant.now().minus(Duration.ofHours(1)));
	}

	public static String adminSignedWithAnotherKey(String subject) {
		return sign(OTHER_SECRET, ISSUER, subject, List.of("user", "admin"), Instant.now().plus(Duration.ofHours(1)));
	}

	public static String adminFromAnotherIssuer(String subject) {
		return sign(SECRET, "someone-else", subject, List.of("user", "admin"), Instant.now().plus(Duration.ofHours(1)));
	}

	public static String sign(String secret, String issuer, String subject, List<String> roles, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.issueTime(Date.from(expiresAt.minus(Duration.ofHours(2))))
			.expirationTime(Date.from(expiresAt))
			.claim("roles", roles)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
