package dev.coursehub.gateway.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over the limit with 413: at once when {@code Content-Length}
 * says so, and while reading when a chunked body grows past it.
 */
class BodySizeLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	BodySizeLimitFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.maxBytes) {
			return tooLarge(exchange);
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new Counting(exchange.getRequest())).build());
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Content Too Large",
				"The request body is larger than " + this.maxBytes + " bytes.");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private final class Counting extends ServerHttpRequestDecorator {

		Counting(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().map((buffer) -> {
				if (read.addAndGet(buffer.readableByteCount()) > BodySizeLimitFilter.this.maxBytes) {
					DataBufferUtils.release(buffer);
					throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
							"The request body is larger than " + BodySizeLimitFilter.this.maxBytes + " bytes.");
				}
				return buffer;
			});
		}

	}

}
