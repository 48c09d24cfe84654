package dev.coursehub.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Signs the gateway's own HS256 tokens: subject, {@code roles}, issuer and expiry. */
final class TokenMinter {

	static final String ISSUER = "coursehub-gateway";

	static final String ROLES_CLAIM = "roles";

	static final String USER = "user";

	static final String ADMIN = "admin";

	private final JwtEncoder encoder;

	private final Clock clock;

	TokenMinter(SecretKey key, Clock clock) {
		this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
		this.clock = clock;
	}

	Jwt mint(String subject, List<String> roles, Duration lifetime) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.id(UUID.randomUUID().toString())
			.claim(ROLES_CLAIM, roles)
			.build();
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims));
	}

}
