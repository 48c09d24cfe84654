package dev.coursehub.gateway.resilience;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * {@code SafeRetry}: Spring Cloud Gateway's {@code Retry}, applied only to calls that are
 * safe to repeat: {@code GET} and {@code HEAD}, and a {@code POST} or other write that
 * carries an {@code Idempotency-Key}. Other calls go through once. Takes the same
 * arguments as {@code Retry}.
 */
@Component
public class SafeRetryGatewayFilterFactory extends RetryGatewayFilterFactory {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Override
	public GatewayFilter apply(RetryConfig config) {
		GatewayFilter retry = super.apply(config);
		return (exchange, chain) -> isSafeToRepeat(exchange.getRequest()) ? retry.filter(exchange, chain)
				: chain.filter(exchange);
	}

	static boolean isSafeToRepeat(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
			return true;
		}
		String key = request.getHeaders().getFirst(IDEMPOTENCY_KEY);
		return key != null && !key.isBlank();
	}

}
