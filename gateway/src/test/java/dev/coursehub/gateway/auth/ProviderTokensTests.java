package dev.coursehub.gateway.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Production identity: an identity provider's RS256 tokens verified against its JWK set,
 * next to the gateway's own Telegram-login tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY,
				"coursehub.gateway.auth.telegram.bot-token=" + TelegramPayloads.BOT_TOKEN,
				"spring.security.oauth2.resourceserver.jwt.audiences=coursehub" })
@AutoConfigureWebTestClient
class ProviderTokensTests {

	static final String PROVIDER = "https://id.example.test/";

	static final RSAKey PROVIDER_KEY = rsaKey("provider-key");

	static final RSAKey OTHER_KEY = rsaKey("provider-key");

	static final HttpServer JWKS = jwksServer(new JWKSet(PROVIDER_KEY.toPublicJWK()));

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
	}

	@AfterAll
	static void stopJwks() {
		JWKS.stop(0);
	}

	@Test
	void acceptsTheProvidersTokensWithTheirRoles() {
		whoIs(rs256(PROVIDER_KEY, PROVIDER, "coursehub", "alice", List.of("user", "admin"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.subject")
			.isEqualTo("alice")
			.jsonPath("$.roles")
			.isEqualTo(List.of("user", "admin"));
	}

	@Test
	void acceptsTheGatewaysOwnTelegramLoginTokens() {
		whoIs(TestTokens.user("4242")).expectStatus().isOk().expectBody().jsonPath("$.subject").isEqualTo("4242");
	}

	@Test
	void refusesATokenSignedWithAnotherKeyUnderTheProvidersKeyId() {
		whoIs(rs256(OTHER_KEY, PROVIDER, "coursehub", "mallory", List.of("user", "admin"))).expectStatus()
			.isUnauthorized();
	}

	@Test
	void refusesAProviderTokenForAnotherAudience() {
		whoIs(rs256(PROVIDER_KEY, PROVIDER, "another-app", "alice", List.of("user"))).expectStatus().isUnauthorized();
	}

	@Test
	void refusesAnHs256TokenThatClaimsTheGatewayIssuerWithAnotherSecret() {
		whoIs(TestTokens.adminSignedWithAnotherKey("mallory")).expectStatus().isUnauthorized();
	}

	@Test
	void refusesAnHs256TokenOfAnotherIssuerEvenWithTheRightSecret() {
		whoIs(TestTokens.adminFromAnotherIssuer("mallory")).expectStatus().isUnauthorized();
	}

	@Test
	void refusesAnExpiredProviderToken() {
		String token = sign(PROVIDER_KEY,
				new JWTClaimsSet.Builder().issuer(PROVIDER)
					.audience("coursehub")
					.subject("alice")
					.claim("roles", List.of("user"))
					.expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
					.build());
		whoIs(token).expectStatus().isUnauthorized();
	}

	@Test
	void refusesAMalformedToken() {
		whoIs("not.a.token").expectStatus().isUnauthorized();
	}

	private WebTestClient.ResponseSpec whoIs(String token) {
		return this.client.get().uri("/auth/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	private static String rs256(RSAKey key, String issuer, String audience, String subject, List<String> roles) {
		return sign(key,
				new JWTClaimsSet.Builder().issuer(issuer)
					.audience(audience)
					.subject(subject)
					.claim("roles", roles)
					.issueTime(new Date())
					.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
					.build());
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey rsaKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer jwksServer(JWKSet keys) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
