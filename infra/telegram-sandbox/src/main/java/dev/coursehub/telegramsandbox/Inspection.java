package dev.coursehub.telegramsandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The sandbox's own endpoints, next to the Bot API: what each chat received, the counts,
 * a reset, and a health answer in Spring Boot's shape.
 */
final class Inspection {

	private final TelegramSandbox sandbox;

	Inspection(TelegramSandbox sandbox) {
		this.sandbox = sandbox;
	}

	/** {@code {"<chat id>": ["text", ...], ...}}, ordered by chat id. */
	Mono<Void> received(HttpServerRequest request, HttpServerResponse response) {
		Map<String, List<String>> chats = new LinkedHashMap<>();
		this.sandbox.receivedCopy().forEach((chat, texts) -> chats.put(String.valueOf(chat), texts));
		return json(response, 200, chats);
	}

	/** {@code ["text", ...]}: what one chat received, in order. */
	Mono<Void> receivedBy(HttpServerRequest request, HttpServerResponse response) {
		long chat;
		try {
			chat = Long.parseLong(request.param("chat"));
		}
		catch (NumberFormatException ex) {
			return json(response, 400, Map.of("error", "the chat id must be a number"));
		}
		return json(response, 200, List.copyOf(this.sandbox.receivedBy(chat)));
	}

	Mono<Void> stats(HttpServerRequest request, HttpServerResponse response) {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("requests", this.sandbox.requests());
		stats.put("violations", this.sandbox.violations());
		Map<Long, List<String>> received = this.sandbox.received();
		stats.put("chats", received.size());
		stats.put("chatsTwice", received.values().stream().filter((texts) -> texts.size() > 1).count());
		stats.put("maxPerSecond", this.sandbox.maxPerSecond());
		stats.put("arrivalSpanNanos", this.sandbox.arrivalSpan().toNanos());
		stats.put("crowded", this.sandbox.crowded(50));
		return json(response, 200, stats);
	}

	Mono<Void> reset(HttpServerRequest request, HttpServerResponse response) {
		this.sandbox.reset();
		return response.status(204).send();
	}

	Mono<Void> health(HttpServerRequest request, HttpServerResponse response) {
		return json(response, 200, Map.of("status", "UP"));
	}

	private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(BotEndpoints.json.writeValueAsString(body)))
			.then();
	}

}
