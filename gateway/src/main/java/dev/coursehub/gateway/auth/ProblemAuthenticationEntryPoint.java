package dev.coursehub.gateway.auth;

import dev.coursehub.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 as problem+json with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750); the
 * reason a token was refused stays in the gateway.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean tokenPresented = ex instanceof OAuth2AuthenticationException;
		String challenge = tokenPresented
				? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
				: "Bearer";
		exchange.getResponse().getHeaders().set("WWW-Authenticate", challenge);
		String detail = tokenPresented ? "The access token is invalid or expired." : "A bearer token is required.";
		return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

}
