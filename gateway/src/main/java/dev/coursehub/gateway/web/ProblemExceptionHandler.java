package dev.coursehub.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error as problem+json: a downstream that does not answer becomes 503, one
 * that answers too slowly 504, and anything unexpected 500 without internals.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		String service = routeId(exchange);
		if (ex instanceof ResponseStatusException rse) {
			HttpStatusCode status = rse.getStatusCode();
			if (service != null && status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
				return timeout(exchange, service);
			}
			if (service != null && status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
				return unavailable(exchange, service);
			}
			if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
				exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
			}
			boolean tellable = status.value() < 500 || status.value() == HttpStatus.SERVICE_UNAVAILABLE.value();
			String detail = (rse.getReason() != null && tellable) ? rse.getReason() : title(status);
			return ProblemResponses.write(exchange, status, title(status), detail);
		}
		if (has(ex, CallNotPermittedException.class) || has(ex, ServiceUnavailableException.class)
				|| has(ex, ConnectException.class)) {
			return unavailable(exchange, service);
		}
		if (has(ex, TimeoutException.class)) {
			return timeout(exchange, service);
		}
		if (has(ex, IOException.class)) {
			return ProblemResponses.write(exchange, HttpStatus.BAD_GATEWAY, "Bad Gateway",
					"The " + name(service) + " service broke off the exchange.");
		}
		log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath().value(), ex);
		return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
				"Unexpected error.");
	}

	private static Mono<Void> unavailable(ServerWebExchange exchange, @Nullable String service) {
		exchange.getResponse().getHeaders().set("Retry-After", "5");
		return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
				"The " + name(service) + " service is unavailable; try again shortly.");
	}

	private static Mono<Void> timeout(ServerWebExchange exchange, @Nullable String service) {
		return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Gateway Timeout",
				"The " + name(service) + " service did not answer in time.");
	}

	private static String name(@Nullable String service) {
		return (service != null) ? service : "downstream";
	}

	private static @Nullable String routeId(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : null;
	}

	private static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

	private static boolean has(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
