package dev.coursehub.gateway.auth;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Matches when a JWK set URI or an issuer URI is configured: tokens of that identity
 * provider are then accepted, next to the gateway's own Telegram-login tokens.
 */
class ProviderTokensCondition extends AnyNestedCondition {

	ProviderTokensCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
	static class JwkSetUri {

	}

	@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
	static class IssuerUri {

	}

}
