package dev.coursehub.gateway.routing;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * On every route: drops any {@code X-User-Id} / {@code X-User-Roles} a client sent and,
 * for an authenticated caller, sets them from the verified token. Services trust these
 * headers because only the gateway can set them.
 */
@Component
class IdentityHeadersFilter implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.cast(Authentication.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((caller) -> chain.filter(exchange.mutate()
				.request((request) -> request.headers((headers) -> setIdentity(headers, caller)))
				.build()));
	}

	private static void setIdentity(HttpHeaders headers, Optional<Authentication> caller) {
		headers.remove(Identity.USER_ID_HEADER);
		headers.remove(Identity.USER_ROLES_HEADER);
		caller.ifPresent((authentication) -> {
			headers.set(Identity.USER_ID_HEADER, authentication.getName());
			headers.set(Identity.USER_ROLES_HEADER, String.join(",", Identity.roles(authentication)));
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
