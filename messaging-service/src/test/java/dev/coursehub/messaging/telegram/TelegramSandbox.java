package dev.coursehub.messaging.telegram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * counting each violation), answers 403, 400 or 5xx for chats configured so, can hold a
 * chat's answer forever (a call in flight when the sender dies), and records what each
 * chat received.
 */
public final class TelegramSandbox implements AutoCloseable {

	public static final String TOKEN = "123456:sandbox-SECRET-token";

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Its own event loops: an application context closing cannot take them away. */
	private final LoopResources loops = LoopResources.create("telegram-sandbox", 2, true);

	private final DisposableServer server;

	private final int globalPerSecond;

	private final Map<Long, List<String>> received = new ConcurrentHashMap<>();

	private final Map<Long, Long> lastToChat = new ConcurrentHashMap<>();

	private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

	private final Set<Long> blocked = ConcurrentHashMap.newKeySet();

	private final Set<Long> badRequests = ConcurrentHashMap.newKeySet();

	private final Set<Long> hanging = ConcurrentHashMap.newKeySet();

	private final Map<Long, AtomicInteger> serverErrors = new ConcurrentHashMap<>();

	private final AtomicInteger tooManyRequests = new AtomicInteger();

	private final List<long[]> answers = Collections.synchronizedList(new ArrayList<>());

	private final AtomicLong violations = new AtomicLong();

	private final AtomicLong messageIds = new AtomicLong(1000);

	private final AtomicLong requests = new AtomicLong();

	private volatile java.time.Duration responseDelay = java.time.Duration.ZERO;

	private TelegramSandbox(int globalPerSecond) {
		this.globalPerSecond = globalPerSecond;
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/{bot}/sendMessage", this::sendMessage)
				.get("/{bot}/getMe", this::getMe)
				.post("/{bot}/getMe", this::getMe))
			.bindNow();
	}

	/**
	 * A sandbox that answers 429 past {@code globalPerSecond} in any one-second window.
	 */
	public static TelegramSandbox start(int globalPerSecond) {
		return new TelegramSandbox(globalPerSecond);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Points a test context's Telegram client at this sandbox, with the sandbox's token
	 * and the service's own global limit.
	 * @param registry the test context's properties
	 * @param servicePerSecond {@code coursehub.telegram.global-per-second} of the service
	 */
	public void configure(DynamicPropertyRegistry registry, int servicePerSecond) {
		registry.add("coursehub.telegram.api-url", this::url);
		registry.add("coursehub.telegram.bot-token", () -> TOKEN);
		registry.add("coursehub.telegram.global-per-second", () -> servicePerSecond);
	}

	/** Forget everything received and every configured behaviour. */
	public void reset() {
		this.received.clear();
		this.lastToChat.clear();
		this.arrivals.clear();
		this.blocked.clear();
		this.badRequests.clear();
		this.hanging.clear();
		this.serverErrors.clear();
		this.tooManyRequests.set(0);
		this.answers.clear();
		this.violations.set(0);
		this.requests.set(0);
		this.responseDelay = java.time.Duration.ZERO;
	}

	/**
	 * Successful sends are recorded at once and answered after {@code delay}, as a slow
	 * Telegram would: a sender that dies meanwhile never learns that the message arrived.
	 */
	public void respondAfter(java.time.Duration delay) {
		this.responseDelay = delay;
	}

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

	/** Sends that broke the global or a per-chat limit. */
	public long violations() {
		return this.violations.get();
	}

	public long requests() {
		return this.requests.get();
	}

	/** Time from the first sendMessage request to the last. */
	public java.time.Duration arrivalSpan() {
		synchronized (this.arrivals) {
			if (this.arrivals.size() < 2) {
				return java.time.Duration.ZERO;
			}
			long first = this.arrivals.stream().mapToLong(Long::longValue).min().getAsLong();
			long last = this.arrivals.stream().mapToLong(Long::longValue).max().getAsLong();
			return java.time.Duration.ofNanos(last - first);
		}
	}

	/** Most sendMessage requests that arrived within any one second. */
	public int maxPerSecond() {
		List<Long> times;
		synchronized (this.arrivals) {
			times = new ArrayList<>(this.arrivals);
		}
		Collections.sort(times);
		int max = 0;
		int start = 0;
		for (int end = 0; end < times.size(); end++) {
			while (times.get(end) - times.get(start) >= 1_000_000_000L) {
				start++;
			}
			max = Math.max(max, end - start + 1);
		}
		return max;
	}

	private Mono<Void> getMe(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return answer(response, 401, error(401, "Unauthorized", null));
		}
		return answer(response, 200, Map.of("ok", true, "result",
				Map.of("id", 123456, "is_bot", true, "username", "coursehub_sandbox_bot")));
	}

	private Mono<Void> sendMessage(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString().defaultIfEmpty("{}").flatMap((body) -> {
			long now = System.nanoTime();
			this.requests.incrementAndGet();
			if (!authorized(request)) {
				return answer(response, 401, error(401, "Unauthorized", null));
			}
			this.answers.add(new long[] { now, 0 });
			JsonNode message = json.readTree(body);
			long chatId = message.path("chat_id").asLong();
			String text = message.path("text").asString("");
			if (text.isEmpty() || text.codePointCount(0, text.length()) > 4096) {
				return answer(response, 400, error(400, "Bad Request: message text is empty or too long", null));
			}
			this.arrivals.add(now);
			if (overGlobalLimit(now) | overChatLimit(chatId, now)) {
				this.violations.incrementAndGet();
				return answer(response, 429, error(429, "Too Many Requests: retry after 1", 1));
			}
			if (this.tooManyRequests.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				return answer(response, 429, error(429, "Too Many Requests: retry after 1", 1));
			}
			this.received.computeIfAbsent(chatId, (id) -> Collections.synchronizedList(new ArrayList<>())).add(text);
			if (this.hanging.contains(chatId)) {
				return Mono.never();
			}
			if (this.blocked.contains(chatId)) {
				return answer(response, 403, error(403, "Forbidden: bot was blocked by the user", null));
			}
			if (this.badRequests.contains(chatId)) {
				return answer(response, 400, error(400, "Bad Request: chat not found", null));
			}
			AtomicInteger errors = this.serverErrors.get(chatId);
			if (errors != null && errors.getAndDecrement() > 0) {
				return answer(response, 502, error(502, "Bad Gateway", null));
			}
			Mono<Void> sent = answer(response, 200, Map.of("ok", true, "result", Map.of("message_id",
					this.messageIds.incrementAndGet(), "chat", Map.of("id", chatId), "text", text)));
			return this.responseDelay.isZero() ? sent : Mono.delay(this.responseDelay).then(sent);
		});
	}

	private static boolean authorized(HttpServerRequest request) {
		String bot = request.param("bot");
		return bot != null
				&& java.net.URLDecoder.decode(bot, java.nio.charset.StandardCharsets.UTF_8).equals("bot" + TOKEN);
	}

	private boolean overGlobalLimit(long now) {
		synchronized (this.arrivals) {
			int inWindow = 0;
			for (int i = this.arrivals.size() - 1; i >= 0; i--) {
				if (now - this.arrivals.get(i) < 1_000_000_000L) {
					inWindow++;
				}
				else {
					break;
				}
			}
			return inWindow > this.globalPerSecond;
		}
	}

	/**
	 * One message per second per private chat (with 100 ms for the network), 20/min per
	 * group.
	 */
	private boolean overChatLimit(long chatId, long now) {
		Long last = this.lastToChat.put(chatId, now);
		long gap = (chatId < 0) ? 2_800_000_000L : 800_000_000L;
		return last != null && now - last < gap;
	}

	private static Map<String, Object> error(int code, String description, Integer retryAfter) {
		return (retryAfter != null)
				? Map.of("ok", false, "error_code", code, "description", description, "parameters",
						Map.of("retry_after", retryAfter))
				: Map.of("ok", false, "error_code", code, "description", description);
	}

	/**
	 * sendMessage requests that arrived within {@code window} after the first 429 answer;
	 * -1 if there was none.
	 */
	public long arrivalsWithinAfterFirstTooManyRequests(java.time.Duration window) {
		List<long[]> all;
		synchronized (this.answers) {
			all = new ArrayList<>(this.answers);
		}
		long at = all.stream().filter((answer) -> answer[1] == 429).mapToLong((answer) -> answer[0]).min().orElse(-1);
		if (at < 0) {
			return -1;
		}
		return all.stream()
			.filter((answer) -> answer[1] == 0 && answer[0] > at && answer[0] - at < window.toNanos())
			.count();
	}

	/**
	 * Nanoseconds from the first 429 answer to the next request that arrived after it; -1
	 * if there was none.
	 */
	public long quietAfterFirstTooManyRequests() {
		List<long[]> all;
		synchronized (this.answers) {
			all = new ArrayList<>(this.answers);
		}
		all.sort(java.util.Comparator.comparingLong((long[] answer) -> answer[0]));
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i)[1] == 429) {
				long at = all.get(i)[0];
				return all.stream()
					.filter((answer) -> answer[1] == 0 && answer[0] > at)
					.mapToLong((answer) -> answer[0])
					.min()
					.orElse(at - 1) - at;
			}
		}
		return -1;
	}

	private Mono<Void> answer(HttpServerResponse response, int status, Object body) {
		this.answers.add(new long[] { System.nanoTime(), status });
		return response.status(status)
			.header("Content-Type", "application/json")
			.sendString(Mono.just(json.writeValueAsString(body)))
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
