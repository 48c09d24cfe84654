package dev.coursehub.telegramsandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Bot API side of the sandbox: {@code getMe} and {@code sendMessage} answered as
 * Telegram does, within its limits ({@link Limits}) and as scripted ({@link Script}),
 * with what each chat received and the counts the tests read.
 */
final class BotEndpoints {

	static final JsonMapper json = JsonMapper.builder().build();

	private final SandboxSettings settings;

	private final Limits limits;

	private final Traffic traffic;

	private final Script script;

	private final Map<Long, List<String>> received = new ConcurrentHashMap<>();

	/**
	 * One copy of each distinct text: a broadcast's recipients share one, so a long local
	 * run keeps a reference per message, not a string.
	 */
	private final Map<String, String> texts = new ConcurrentHashMap<>();

	private final AtomicLong violations = new AtomicLong();

	private final AtomicLong messageIds = new AtomicLong(1000);

	private final AtomicLong requests = new AtomicLong();

	BotEndpoints(SandboxSettings settings, Traffic traffic, Script script) {
		this.settings = settings;
		this.limits = new Limits(settings);
		this.traffic = traffic;
		this.script = script;
	}

	/** Forgets what was received, the counts and the limits' memory. */
	void clear() {
		this.received.clear();
		this.texts.clear();
		this.limits.clear();
		this.violations.set(0);
		this.requests.set(0);
	}

	Map<Long, List<String>> received() {
		return this.received;
	}

	List<String> receivedBy(long chatId) {
		return this.received.getOrDefault(chatId, List.of());
	}

	long violations() {
		return this.violations.get();
	}

	long requests() {
		return this.requests.get();
	}

	Mono<Void> getMe(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return answer(response, 401, error(401, "Unauthorized", 0));
		}
		return answer(response, 200, Map.of("ok", true, "result", Map.of("id", botId(), "is_bot", true, "first_name",
				"CourseHub sandbox", "username", "coursehub_sandbox_bot")));
	}

	Mono<Void> sendMessage(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap((body) -> {
			long now = System.nanoTime();
			this.requests.incrementAndGet();
			if (!authorized(request)) {
				return answer(response, 401, error(401, "Unauthorized", 0));
			}
			this.traffic.called(now);
			JsonNode message = json.readTree(body);
			long chatId = message.path("chat_id").asLong();
			String text = message.path("text").asString("");
			if (chatId == 0) {
				return answer(response, 400, error(400, "Bad Request: chat_id is empty", 0));
			}
			if (text.isEmpty() || text.codePointCount(0, text.length()) > 4096) {
				return answer(response, 400, error(400, "Bad Request: message text is empty or too long", 0));
			}
			this.traffic.arrived(now);
			int retryAfter = this.limits.retryAfter(chatId, now);
			if (retryAfter > 0) {
				this.violations.incrementAndGet();
				return answer(response, 429, error(429, "Too Many Requests: retry after " + retryAfter, retryAfter));
			}
			if (this.script.takeTooManyRequests()) {
				return answer(response, 429, error(429, "Too Many Requests: retry after 1", 1));
			}
			this.received.computeIfAbsent(chatId, (id) -> Collections.synchronizedList(new ArrayList<>()))
				.add(this.texts.computeIfAbsent(text, (same) -> same));
			return switch (this.script.answerFor(chatId)) {
				case NONE -> Mono.never();
				case BLOCKED -> answer(response, 403, error(403, "Forbidden: bot was blocked by the user", 0));
				case BAD_REQUEST -> answer(response, 400, error(400, "Bad Request: chat not found", 0));
				case SERVER_ERROR -> answer(response, 502, error(502, "Bad Gateway", 0));
				case SUCCESS -> sent(response, chatId, text);
			};
		});
	}

	private Mono<Void> sent(HttpServerResponse response, long chatId, String text) {
		Mono<Void> sent = answer(response, 200, Map.of("ok", true, "result",
				Map.of("message_id", this.messageIds.incrementAndGet(), "chat", Map.of("id", chatId), "text", text)));
		return this.script.responseDelay().isZero() ? sent : Mono.delay(this.script.responseDelay()).then(sent);
	}

	private boolean authorized(HttpServerRequest request) {
		String bot = request.param("bot");
		return bot != null && URLDecoder.decode(bot, StandardCharsets.UTF_8).equals("bot" + this.settings.token());
	}

	/** A token starts with the bot's id. */
	private long botId() {
		String id = this.settings.token().split(":", 2)[0];
		return id.chars().allMatch(Character::isDigit) && !id.isEmpty() && id.length() < 19 ? Long.parseLong(id) : 0;
	}

	/** Telegram's error body; {@code parameters.retry_after} only for a 429. */
	static Map<String, Object> error(int code, String description, int retryAfter) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("ok", false);
		error.put("error_code", code);
		error.put("description", description);
		if (retryAfter > 0) {
			error.put("parameters", Map.of("retry_after", retryAfter));
		}
		return error;
	}

	private Mono<Void> answer(HttpServerResponse response, int status, Object body) {
		this.traffic.answered(status);
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(json.writeValueAsString(body)))
			.then();
	}

}
