package dev.coursehub.booking.live;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The WebSocket form of {@code /sessions/updates}: each message is a text frame
 * {@code {"event": "session-update", "data": {...}}}; heartbeats are {@code {"event":
 * "heartbeat"}}. The stream ends when the client closes.
 */
@Component
class LiveWebSocket implements WebSocketHandler {

	private final LiveUpdates updates;

	private final JsonMapper json;

	LiveWebSocket(LiveUpdates updates, JsonMapper json) {
		this.updates = updates;
		this.json = json;
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {
		String workshop = UriComponentsBuilder.fromUri(session.getHandshakeInfo().getUri())
			.build()
			.getQueryParams()
			.getFirst("workshop");
		String user = session.getHandshakeInfo().getHeaders().getFirst("X-User-Id");
		Long workshopId;
		Long userId;
		try {
			workshopId = (workshop != null) ? Long.valueOf(workshop) : null;
			userId = (user != null) ? Long.valueOf(user) : null;
		}
		catch (NumberFormatException ex) {
			return session.close(org.springframework.web.reactive.socket.CloseStatus.BAD_DATA);
		}
		return session.send(this.updates.stream(workshopId, userId)
			.takeUntilOther(session.receive().then())
			.map((m) -> session
				.textMessage(this.json.writeValueAsString(Map.of("event", m.event(), "data", m.data())))));
	}

}
