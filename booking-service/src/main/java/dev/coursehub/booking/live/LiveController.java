package dev.coursehub.booking.live;

import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-Sent Events at {@code /sessions/updates} (public; a caller the gateway
 * identified also gets their own enrollment news). WebSocket on the same path:
 * {@link LiveWebSocket}.
 */
@RestController
class LiveController {

	private final LiveUpdates updates;

	LiveController(LiveUpdates updates) {
		this.updates = updates;
	}

	@GetMapping(path = "/sessions/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> updates(@RequestParam(required = false) Long workshop,
			@RequestHeader(name = "X-User-Id", required = false) Long user) {
		return this.updates.stream(workshop, user)
			.map((m) -> (m == LiveMessage.HEARTBEAT) ? ServerSentEvent.builder().comment("heartbeat").build()
					: ServerSentEvent.<Object>builder(m.data()).event(m.event()).build());
	}

}
