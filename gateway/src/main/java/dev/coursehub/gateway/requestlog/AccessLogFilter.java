package dev.coursehub.gateway.requestlog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.coursehub.gateway.web.ProblemExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The outermost filter: gives every request a W3C {@code traceparent} (kept from the
 * client when valid, generated otherwise), passes it downstream, returns it in the
 * response, and writes one access log line per request. The line holds the method, route
 * id, path without query string, status, latency and trace id: never headers, tokens or
 * bodies. Errors are rendered here by the problem handler so the line shows the status
 * actually sent.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger("dev.coursehub.gateway.access");

	private final ProblemExceptionHandler errors;

	AccessLogFilter(ProblemExceptionHandler errors) {
		this.errors = errors;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		Traceparent incoming = Traceparent.parse(request.getHeaders().getFirst(Traceparent.HEADER));
		Traceparent traceparent = (incoming != null) ? incoming.nextHop() : Traceparent.newTrace();
		ServerWebExchange traced = exchange.mutate()
			.request((builder) -> builder.headers((headers) -> headers.set(Traceparent.HEADER, traceparent.value())))
			.build();
		traced.getResponse().beforeCommit(() -> {
			traced.getResponse().getHeaders().set(Traceparent.HEADER, traceparent.value());
			return Mono.empty();
		});
		return chain.filter(traced)
			.onErrorResume((ex) -> this.errors.handle(traced, ex))
			.doFinally((signal) -> log(traced, traceparent, start));
	}

	private static void log(ServerWebExchange exchange, Traceparent traceparent, long start) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		log.info("{} route={} path={} status={} latency_ms={} trace_id={}", exchange.getRequest().getMethod(),
				(route != null) ? route.getId() : "-", exchange.getRequest().getPath().value(),
				(status != null) ? status.value() : "-", (System.nanoTime() - start) / 1_000_000,
				traceparent.traceId());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
