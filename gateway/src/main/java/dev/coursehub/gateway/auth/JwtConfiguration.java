package dev.coursehub.gateway.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;

/**
 * How bearer tokens are verified. With
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}
 * set, the identity provider's tokens are verified against its JWK set, and the gateway's
 * own Telegram-login tokens (by their issuer) against its secret; otherwise only the
 * gateway's own HS256 secret is used. Either way the {@code roles} claim becomes the
 * caller's roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class JwtConfiguration {

	private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

	@Bean
	@Conditional(LocalSecretCondition.class)
	ReactiveJwtDecoder localSecretJwtDecoder(AuthProperties properties) {
		if (isLocalDefault(properties.jwtSecret())) {
			log.warn("Verifying tokens with the local default secret: set GATEWAY_JWT_SECRET or a JWK set URI "
					+ "anywhere but on a laptop");
		}
		return ownTokens(properties);
	}

	/**
	 * Production: the identity provider's tokens (JWKS), and, while Telegram login is on,
	 * the gateway's own tokens by their issuer. Telegram login in this mode needs a real
	 * secret: the built-in local one would let anyone who read this repository mint
	 * tokens.
	 */
	@Bean
	@Conditional(ProviderTokensCondition.class)
	ReactiveJwtDecoder providerAndOwnJwtDecoder(OAuth2ResourceServerProperties resourceServer,
			AuthProperties properties) {
		ReactiveJwtDecoder own = null;
		if (properties.telegram() != null && StringUtils.hasText(properties.telegram().botToken())) {
			if (isLocalDefault(properties.jwtSecret())) {
				throw new IllegalStateException(
						"Telegram login with a JWK set URI or issuer URI needs GATEWAY_JWT_SECRET: "
								+ "the built-in local secret is refused outside the local stack");
			}
			own = ownTokens(properties);
		}
		return new IssuerRoutingJwtDecoder(providerTokens(resourceServer.getJwt()), own);
	}

	private static ReactiveJwtDecoder providerTokens(OAuth2ResourceServerProperties.Jwt jwt) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(StringUtils.hasText(jwt.getIssuerUri())
				? JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()) : JwtValidators.createDefault());
		if (!jwt.getAudiences().isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					(aud) -> aud != null && aud.stream().anyMatch(jwt.getAudiences()::contains)));
		}
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
		if (!StringUtils.hasText(jwt.getJwkSetUri())) {
			// the issuer's discovery document names its JWK set; looked up on first use,
			// so
			// the gateway starts while the provider is briefly unreachable
			return new SupplierReactiveJwtDecoder(() -> {
				NimbusReactiveJwtDecoder decoder = (NimbusReactiveJwtDecoder) ReactiveJwtDecoders
					.fromIssuerLocation(jwt.getIssuerUri());
				decoder.setJwtValidator(validator);
				return decoder;
			});
		}
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
			.jwsAlgorithms((algorithms) -> jwt.getJwsAlgorithms()
				.forEach((name) -> algorithms.add(SignatureAlgorithm.from(name))))
			.build();
		decoder.setJwtValidator(validator);
		return decoder;
	}

	private static ReactiveJwtDecoder ownTokens(AuthProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withSecretKey(HmacSecrets.hs256(properties.jwtSecret()))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenMinter.ISSUER));
		return decoder;
	}

	private static boolean isLocalDefault(String secret) {
		return secret.startsWith("local-only-");
	}

	@Bean
	Converter<Jwt, Mono<AbstractAuthenticationToken>> jwtAuthenticationConverter() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(TokenMinter.ROLES_CLAIM);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
