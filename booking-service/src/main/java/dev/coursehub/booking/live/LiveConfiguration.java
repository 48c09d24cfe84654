package dev.coursehub.booking.live;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	/**
	 * {@code /sessions/updates} with an {@code Upgrade: websocket} goes to the WebSocket
	 * handler, before the annotated controllers; without it, to the SSE endpoint.
	 */
	@Bean
	HandlerMapping liveWebSocketMapping(LiveWebSocket handler) {
		return new SimpleUrlHandlerMapping(Map.of("/sessions/updates", handler), -1) {

			@Override
			protected Object lookupHandler(PathContainer lookupPath, ServerWebExchange exchange) throws Exception {
				String upgrade = exchange.getRequest().getHeaders().getUpgrade();
				return "websocket".equalsIgnoreCase(upgrade) ? super.lookupHandler(lookupPath, exchange) : null;
			}

		};
	}

}
