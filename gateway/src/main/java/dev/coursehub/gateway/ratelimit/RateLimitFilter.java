package dev.coursehub.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import dev.coursehub.gateway.web.ProblemResponses;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rate limits every request after authentication: per user id for callers with a token,
 * per client IP for anonymous ones. Health probes are never limited. Over the limit the
 * answer is 429 problem+json with {@code Retry-After}.
 */
class RateLimitFilter implements WebFilter, Ordered {

	/** Right after Spring Security's filter chain (-100), so the caller is known. */
	static final int ORDER = -90;

	private final ClientBuckets buckets;

	RateLimitFilter(ClientBuckets buckets) {
		this.buckets = buckets;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getPath().value().startsWith("/actuator/health")) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map((principal) -> "user:" + principal.getName())
			.switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientIp(exchange)))
			.flatMap((key) -> {
				ConsumptionProbe probe = this.buckets.tryConsume(key);
				if (probe.isConsumed()) {
					exchange.getResponse()
						.getHeaders()
						.set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
					return chain.filter(exchange);
				}
				long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() - 1) + 1);
				exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
				return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
						"Rate limit exceeded; retry after " + seconds + " s.");
			});
	}

	private static String clientIp(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
