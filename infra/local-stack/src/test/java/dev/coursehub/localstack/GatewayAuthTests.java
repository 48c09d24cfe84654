package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GatewayAuthTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";

	@TempDir
	Path dataDir;

	@Test
	void adminTokenPassesTheGatewaysChecks() {
		String token = new GatewayAuth(SECRET).adminToken("local-admin", Instant.now());
		Jwt jwt = gatewayDecoder(SECRET).decode(token);
		assertThat(jwt.getSubject()).isEqualTo("local-admin");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("user", "admin");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void tokenSignedWithAnotherSecretIsRefused() {
		String token = new GatewayAuth(SECRET).adminToken("local-admin", Instant.now());
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> gatewayDecoder("another-secret-of-at-least-32-bytes!!").decode(token));
	}

	@Test
	void expiredTokenIsRefused() {
		String token = new GatewayAuth(SECRET).adminToken("local-admin", Instant.now().minus(Duration.ofHours(13)));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> gatewayDecoder(SECRET).decode(token));
	}

	@Test
	void secretFromTheEnvironmentWins() throws IOException {
		assertThat(GatewayAuth.forStack(Map.of("GATEWAY_JWT_SECRET", SECRET), this.dataDir).secret()).isEqualTo(SECRET);
		assertThat(this.dataDir.resolve("gateway-jwt-secret")).doesNotExist();
	}

	@Test
	void otherwiseARandomSecretIsKeptInTheDataFolder() throws IOException {
		String first = GatewayAuth.forStack(Map.of(), this.dataDir).secret();
		assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(GatewayAuth.forStack(Map.of(), this.dataDir).secret()).isEqualTo(first);
		assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("gateway-jwt-secret")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(GatewayAuth.forStack(Map.of(), Files.createDirectories(this.dataDir.resolve("other"))).secret())
			.isNotEqualTo(first);
	}

	@Test
	void adminTokenIsWrittenForTheOwnerOnly() throws IOException {
		Path file = this.dataDir.resolve("admin-token");
		String token = new GatewayAuth(SECRET).writeAdminToken(file, Instant.now());
		assertThat(file).hasContent(token);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	/** What the gateway's {@code JwtConfiguration} builds for its local secret. */
	private static NimbusJwtDecoder gatewayDecoder(String secret) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("coursehub-gateway"));
		return decoder;
	}

}
