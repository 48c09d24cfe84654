package dev.coursehub.gateway.auth;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * How bearer tokens are verified. With
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} or {@code issuer-uri}
 * set, Spring Boot's JWKS decoder is used; otherwise the gateway's own HS256 secret.
 * Either way the {@code roles} claim becomes the caller's roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class JwtConfiguration {

	private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

	@Bean
	@Conditional(LocalSecretCondition.class)
	ReactiveJwtDecoder localSecretJwtDecoder(AuthProperties properties) {
		if (properties.jwtSecret().startsWith("local-only-")) {
			log.warn("Verifying tokens with the local default secret: set GATEWAY_JWT_SECRET or a JWK set URI "
					+ "anywhere but on a laptop");
		}
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withSecretKey(HmacSecrets.hs256(properties.jwtSecret()))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenMinter.ISSUER));
		return decoder;
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
