package dev.coursehub.gateway.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Matches when neither a JWK set URI nor an issuer URI is configured: tokens are then
 * verified with the local HS256 secret.
 */
class LocalSecretCondition extends NoneNestedConditions {

	LocalSecretCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
	static class JwkSetUri {

	}

	@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
	static class IssuerUri {

	}

}
