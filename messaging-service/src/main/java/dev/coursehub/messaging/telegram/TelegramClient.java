package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * The Bot API's {@code sendMessage} over WebClient. Every answer, and every way of not
 * getting one, becomes a {@link SendResult}; nothing here throws. The token is part of
 * the request path as the Bot API wants it, so no exception text (which would carry the
 * URL) ever leaves this class: results carry Telegram's own description or the kind of
 * failure only.
 */
public class TelegramClient implements AutoCloseable {

	/** The Reactor context key of a send's {@code onWritten} callback. */
	private static final String ON_WRITTEN = TelegramClient.class.getName() + ".onWritten";

	private final WebClient web;

	private final String botToken;

	private final Duration timeout;

	/**
	 * Event loops and connections of its own: nothing else's shutdown (another
	 * application context in the same JVM disposing Reactor Netty's global resources) can
	 * take them away.
	 */
	private final LoopResources loops = LoopResources.create("telegram", 2, true);

	private final ConnectionProvider connections = ConnectionProvider.builder("telegram")
		.maxConnections(64)
		.pendingAcquireMaxCount(-1)
		.build();

	public TelegramClient(WebClient.Builder builder, TelegramProperties properties) {
		HttpClient http = HttpClient.create(this.connections)
			.runOn(this.loops)
			.responseTimeout(properties.timeout())
			.doAfterRequest((request, connection) -> request.currentContextView()
				.<Runnable>getOrEmpty(ON_WRITTEN)
				.ifPresent(Runnable::run))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(properties.timeout().toMillis(), 5000));
		this.web = builder.clone()
			.baseUrl(properties.apiUrl())
			.clientConnector(new ReactorClientHttpConnector(http))
			.build();
		this.botToken = properties.botToken();
		this.timeout = properties.timeout();
	}

	public Mono<SendResult> sendMessage(long chatId, String text, String parseMode) {
		return sendMessage(chatId, text, parseMode, () -> {
		});
	}

	/**
	 * {@code sendMessage}, with {@code onWritten} run on the connection's event loop as
	 * soon as the whole request has been written to the wire (not at all when the call
	 * fails before that).
	 */
	public Mono<SendResult> sendMessage(long chatId, String text, String parseMode, Runnable onWritten) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("chat_id", chatId);
		body.put("text", text);
		if (parseMode != null) {
			body.put("parse_mode", parseMode);
		}
		return this.web.post()
			.uri("/bot{token}/sendMessage", this.botToken)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(JsonNode.class)
				.map((json) -> result(response.statusCode().value(), json))
				.switchIfEmpty(Mono.fromSupplier(() -> result(response.statusCode().value(), null)))
				.onErrorResume((ex) -> Mono.just(result(response.statusCode().value(), null))))
			.timeout(this.timeout.plusSeconds(1))
			.onErrorResume((ex) -> Mono.just(transportFailure(ex)))
			.contextWrite(Context.of(ON_WRITTEN, onWritten));
	}

	@Override
	public void close() {
		this.connections.dispose();
		this.loops.dispose();
	}

	static SendResult result(int status, JsonNode json) {
		String description = (json != null && json.hasNonNull("description")) ? json.get("description").asString()
				: "HTTP " + status;
		if (status == 200 && json != null && json.path("ok").asBoolean(false)) {
			JsonNode messageId = json.path("result").path("message_id");
			if (messageId.isNumber()) {
				return new SendResult.Sent(messageId.asLong());
			}
			return new SendResult.Transient(status, "answer without a message id");
		}
		int code = (json != null && json.path("error_code").isNumber()) ? json.get("error_code").asInt() : status;
		if (code == 429) {
			long seconds = (json != null) ? json.path("parameters").path("retry_after").asLong(1) : 1;
			return new SendResult.RateLimited(Duration.ofSeconds(Math.max(1, seconds)));
		}
		if (code == 403) {
			return new SendResult.Blocked(code, description);
		}
		if (code >= 500 || code == 200) {
			return new SendResult.Transient(code, description);
		}
		return new SendResult.Rejected(code, description);
	}

	/**
	 * Only the kind of failure: the exception's message would carry the URL and token.
	 */
	static SendResult transportFailure(Throwable ex) {
		if (ex instanceof TimeoutException || hasCause(ex, io.netty.handler.timeout.ReadTimeoutException.class)
				|| hasCause(ex, TimeoutException.class)) {
			return new SendResult.Transient(0, "timeout");
		}
		if (ex instanceof WebClientRequestException) {
			return new SendResult.Transient(0, "connection failed");
		}
		return new SendResult.Transient(0, "transport error " + ex.getClass().getSimpleName());
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
