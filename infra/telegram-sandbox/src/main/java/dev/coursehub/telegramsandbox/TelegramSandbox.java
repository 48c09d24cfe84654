package dev.coursehub.telegramsandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

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

	private final SandboxSettings settings;

	/** Its own event loops: an application context closing cannot take them away. */
	private final LoopResources loops = LoopResources.create("telegram-sandbox", 2, true);

	private final DisposableServer server;

	private final Traffic traffic = new Traffic();

	private final Script script;

	private final BotEndpoints bot;

	private TelegramSandbox(SandboxSettings settings) {
		this.settings = settings;
		this.script = new Script(settings.blocked());
		this.bot = new BotEndpoints(settings, this.traffic, this.script);
		Inspection inspection = new Inspection(this);
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host(settings.host())
			.port(settings.port())
			.route((routes) -> routes.post("/{bot}/sendMessage", this.bot::sendMessage)
				.get("/{bot}/getMe", this.bot::getMe)
				.post("/{bot}/getMe", this.bot::getMe)
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
		this.bot.clear();
		this.traffic.clear();
		this.script.clear();
	}

	/**
	 * Successful sends are recorded at once and answered after {@code delay}, as a slow
	 * Telegram would: a sender that dies meanwhile never learns that the message arrived.
	 */
	public void respondAfter(Duration delay) {
		this.script.respondAfter(delay);
	}

	/** Sends to the chat answer 403, as to a user who blocked the bot. */
	public void block(long chatId) {
		this.script.block(chatId);
	}

	public void rejectWithBadRequest(long chatId) {
		this.script.rejectWithBadRequest(chatId);
	}

	/** The next {@code times} sends to the chat answer 502. */
	public void failWithServerError(long chatId, int times) {
		this.script.failWithServerError(chatId, times);
	}

	/** Sends to the chat are received and recorded, and never answered. */
	public void hang(long chatId) {
		this.script.hang(chatId);
	}

	/** The next {@code times} sends, to any chat, answer 429 with retry_after 1. */
	public void answerTooManyRequests(int times) {
		this.script.answerTooManyRequests(times);
	}

	/** Texts the chat received (including those answered with an error). */
	public List<String> receivedBy(long chatId) {
		return this.bot.receivedBy(chatId);
	}

	public Map<Long, List<String>> received() {
		return this.bot.received();
	}

	/** A copy of {@link #received()} ordered by chat id. */
	Map<Long, List<String>> receivedCopy() {
		Map<Long, List<String>> copy = new TreeMap<>();
		this.bot.received().forEach((chat, texts) -> {
			synchronized (texts) {
				copy.put(chat, List.copyOf(texts));
			}
		});
		return copy;
	}

	/** Sends that broke the global or a per-chat limit. */
	public long violations() {
		return this.bot.violations();
	}

	public long requests() {
		return this.bot.requests();
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

	/** Completes when the sandbox is closed. */
	public Mono<Void> onClose() {
		return this.server.onDispose();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.dispose();
	}

}
