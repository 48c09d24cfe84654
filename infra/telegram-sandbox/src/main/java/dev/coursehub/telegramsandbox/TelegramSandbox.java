package dev.coursehub.telegramsandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for the Telegram Bot API on a local port: answers {@code getMe} and
 * {@code sendMessage} as Telegram does, enforces a global per-second limit and the
 * per-chat limits from the receiving side (answering 429 with {@code retry_after} and
 * counting each violation), answers 403 for blocked users and 400 or 5xx for chats
 * configured so, can hold a chat's answer forever (a call in flight when the sender
 * dies), and records what each chat received. Besides the Bot API it answers
 * {@code GET /sandbox/received}, {@code GET /sandbox/received/<chat id>},
 * {@code GET /sandbox/stats}, {@code DELETE /sandbox/received} (reset) and
 * {@code GET /sandbox/health}.
 */
public final class TelegramSandbox implements AutoCloseable {

	/** The token of the tests: its "SECRET" lets a test look for it in logs. */
	public static final String TOKEN = "123456:sandbox-SECRET-token";

	static final JsonMapper json = JsonMapper.builder().build();

	private final SandboxSettings settings;

	/** Its own event loops: an application context closing cannot take them away. */
	private final LoopResources loops = LoopResources.create("telegram-sandbox", 2, true);

	private final DisposableServer server;

	private final Limits limits;

	private final Traffic traffic = new Traffic();

	private final Map<Long, List<String>> received = new ConcurrentHashMap<>();

	/**
	 * One copy of each distinct text: a broadcast's recipients share one, so a long local
	 * run keeps a reference per message, not a string.
	 */
	private final Map<String, String> texts = new ConcurrentHashMap<>();

	private final Set<Long> blocked = ConcurrentHashMap.newKeySet();

	private final Set<Long> badRequests = ConcurrentHashMap.newKeySet();

	private final Set<Long> hanging = ConcurrentHashMap.newKeySet();

	private final Map<Long, AtomicInteger> serverErrors = new ConcurrentHashMap<>();

	private final AtomicInteger tooManyRequests = new AtomicInteger();

	private final AtomicLong violations = new AtomicLong();

	private final AtomicLong messageIds = new AtomicLong(1000);

	private final AtomicLong requests = new AtomicLong();

	private volatile Duration responseDelay = Duration.ZERO;

	private TelegramSandbox(SandboxSettings settings) {
		this.settings = settings;
		this.limits = new Limits(settings);
		this.blocked.addAll(settings.blocked());
		Inspection inspection = new Inspection(this);
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host(settings.host())
			.port(settings.port())
			.route((routes) -> routes.post("/{bot}/sendMessage", this::sendMessage)
				.get("/{bot}/getMe", this::getMe)
				.post("/{bot}/getMe", this::getMe)
				.get("/sandbox/health", inspection::health)
				.get("/sandbox/stats", inspection::stats)
				.get("/sandbox/received", inspection::received)
				.get("/sandbox/received/{chat}", inspection::receivedBy)
				.delete("/sandbox/received", inspection::reset))
			.bindNow();
	}

	/**
	 * A sandbox with the tests' token that answers 429 past {@code globalPerSecond} in
	 * any one-second window, and past Telegram's per-chat limits.
	 */
	public static TelegramSandbox start(int globalPerSecond) {
		return start(SandboxSettings.local(globalPerSecond, TOKEN));
	}

	public static TelegramSandbox start(SandboxSettings settings) {
		return new TelegramSandbox(settings);
	}

	public String url() {
		String host = this.settings.host();
		return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + this.server.port();
	}

	public SandboxSettings settings() {
		return this.settings;
	}

	/**
	 * Points a test context's Telegram client at this sandbox, with the sandbox's token
	 * and the service's own global limit.
	 * @param registry the test context's properties
	 * @param servicePerSecond {@code coursehub.telegram.global-per-second} of the service
	 */
	public void configure(DynamicPropertyRegistry registry, int servicePerSecond) {
		registry.add("coursehub.telegram.api-url", this::url);
		registry.add("coursehub.telegram.bot-token", this.settings::token);
		registry.add("coursehub.telegram.global-per-second", () -> servicePerSecond);
	}

	/**
	 * Forget everything received and every behaviour configured since the start (users
	 * blocked in the settings stay blocked).
	 */
	public void reset() {
		this.received.clear();
		this.texts.clear();
		this.limits.clear();
		this.traffic.clear();
		this.blocked.clear();
		this.blocked.addAll(this.settings.blocked());
		this.badRequests.clear();
		this.hanging.clear();
		this.serverErrors.clear();
		this.tooManyRequests.set(0);
		this.violations.set(0);
		this.requests.set(0);
		this.responseDelay = Duration.ZERO;
	}

	/**
	 * Successful sends are recorded at once and answered after {@code delay}, as a slow
	 * Telegram would: a sender that dies meanwhile never learns that the message arrived.
	 */
	public void respondAfter(Duration delay) {
		this.responseDelay = delay;
	}

	/** Sends to the chat answer 403, as to a user who blocked the bot. */
	public void block(long chatId) {
		this.blocked.add(chatId);
	}

	public void rejectWithBadRequest(long chatId) {
		this.badRequests.add(chatId);
	}

	/** The next {@code times} sends to the chat answer 502. */
	public void failWithServerError(long chatId, int times) {
		this.serverErrors.put(chatId, new AtomicInteger(times));
	}

	/** Sends to the chat are received and recorded, and never answered. */
	public void hang(long chatId) {
		this.hanging.add(chatId);
	}

	/** The next {@code times} sends, to any chat, answer 429 with retry_after 1. */
	public void answerTooManyRequests(int times) {
		this.tooManyRequests.set(times);
	}

	/** Texts the chat received (including those answered with an error). */
	public List<String> receivedBy(long chatId) {
		return this.received.getOrDefault(chatId, List.of());
	}

	public Map<Long, List<String>> received() {
		return this.received;
	}

	/** A copy of {@link #received()} ordered by chat id. */
	Map<Long, List<String>> receivedCopy() {
		Map<Long, List<String>> copy = new TreeMap<>();
		this.received.forEach((chat, texts) -> {
			synchronized (texts) {
				copy.put(chat, List.copyOf(texts));
			}
		});
		return copy;
	}

	/** Sends that broke the global or a per-chat limit. */
	public long violations() {
		return this.violations.get();
	}

	public long requests() {
		return this.requests.get();
	}

	/** Time from the first sendMessage request to the last. */
	public Duration arrivalSpan() {
		return this.traffic.arrivalSpan();
	}

	/**
	 * The first arrivals (at most {@code most}) that made more than the global limit
	 * within one second: when ({@code at}, wall clock) and how many
	 * ({@code inOneSecond}).
	 */
	public List<Map<String, Object>> crowded(int most) {
		return this.traffic.crowded(this.settings.globalPerSecond(), most);
	}

	/** Most sendMessage requests that arrived within any one second. */
	public int maxPerSecond() {
		return this.traffic.maxPerSecond();
	}

	/**
	 * sendMessage requests that arrived within {@code window} after the first 429 answer;
	 * -1 if there was none.
	 */
	public long arrivalsWithinAfterFirstTooManyRequests(Duration window) {
		return this.traffic.callsWithinAfterFirstTooManyRequests(window);
	}

	/**
	 * Nanoseconds from the first 429 answer to the next request that arrived after it; -1
	 * if there was none.
	 */
	public long quietAfterFirstTooManyRequests() {
		return this.traffic.quietAfterFirstTooManyRequests();
	}

	private Mono<Void> getMe(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return answer(response, 401, error(401, "Unauthorized", 0));
		}
		return answer(response, 200, Map.of("ok", true, "result", Map.of("id", botId(), "is_bot", true, "first_name",
				"CourseHub sandbox", "username", "coursehub_sandbox_bot")));
	}

	private Mono<Void> sendMessage(HttpServerRequest request, HttpServerResponse response) {
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
			if (this.tooManyRequests.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return answer(response, 429, error(429, "Too Many Requests: retry after 1", 1));
			}
			this.received.computeIfAbsent(chatId, (id) -> Collections.synchronizedList(new ArrayList<>()))
				.add(this.texts.computeIfAbsent(text, (same) -> same));
			if (this.hanging.contains(chatId)) {
				return Mono.never();
			}
			if (this.blocked.contains(chatId)) {
				return answer(response, 403, error(403, "Forbidden: bot was blocked by the user", 0));
			}
			if (this.badRequests.contains(chatId)) {
				return answer(response, 400, error(400, "Bad Request: chat not found", 0));
			}
			AtomicInteger errors = this.serverErrors.get(chatId);
			if (errors != null && errors.getAndDecrement() > 0) {
				return answer(response, 502, error(502, "Bad Gateway", 0));
			}
			Mono<Void> sent = answer(response, 200, Map.of("ok", true, "result", Map.of("message_id",
					this.messageIds.incrementAndGet(), "chat", Map.of("id", chatId), "text", text)));
			return this.responseDelay.isZero() ? sent : Mono.delay(this.responseDelay).then(sent);
		});
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

	/** Blocks until the sandbox is closed. */
	public void awaitClose() {
		this.server.onDispose().block();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
