package dev.coursehub.gateway.auth;

import dev.coursehub.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** 403 as problem+json. */
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
				"This needs a role the caller does not have.");
	}

}
