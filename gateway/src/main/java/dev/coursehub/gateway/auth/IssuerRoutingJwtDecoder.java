package dev.coursehub.gateway.auth;

import java.text.ParseException;

import com.nimbusds.jwt.JWTParser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Production decoder: a token whose {@code iss} is the gateway's own goes to the HS256
 * decoder (tokens issued after a Telegram login), every other token to the identity
 * provider's JWKS decoder. The issuer is only read to pick the decoder; each decoder then
 * verifies signature, issuer and expiry itself, so a forged {@code iss} gains nothing.
 */
final class IssuerRoutingJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder provider;

	private final @Nullable ReactiveJwtDecoder own;

	/**
	 * @param provider the identity provider's decoder
	 * @param own the decoder of the gateway's own tokens, or {@code null} when Telegram
	 * login is off and the gateway issues none
	 */
	IssuerRoutingJwtDecoder(ReactiveJwtDecoder provider, @Nullable ReactiveJwtDecoder own) {
		this.provider = provider;
		this.own = own;
	}

	@Override
	public Mono<Jwt> decode(String token) throws JwtException {
		String issuer;
		try {
			issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
		}
		catch (ParseException ex) {
			return Mono.error(new BadJwtException("Malformed token", ex));
		}
		if (this.own != null && TokenMinter.ISSUER.equals(issuer)) {
			return this.own.decode(token);
		}
		return this.provider.decode(token);
	}

}
