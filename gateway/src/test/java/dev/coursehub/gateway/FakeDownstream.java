package dev.coursehub.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One fake service behind the gateway (answers for all three), recording every request
 * and echoing what it received in {@code X-Echo-*} response headers:
 * <ul>
 * <li>{@code /slow/**} answers after ten seconds, far beyond any route timeout;</li>
 * <li>{@code /busy/**} answers after a quarter of a second, so concurrent calls
 * overlap;</li>
 * <li>{@code /unavailable/**} answers 503;</li>
 * <li>{@code /sessions/updates} and {@code /broadcasts/<id>/progress} stream two
 * server-sent events (with {@code ?wait}, the second only after {@link #releaseStream()})
 * or, on a WebSocket upgrade, sends one message;</li>
 * <li>anything else answers 200 with a small JSON body.</li>
 * </ul>
 */
public final class FakeDownstream {

	/** What reached the fake downstream. */
	public record Received(String method, String uri, Map<String, String> headers) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Sinks.Empty<Void> gate = Sinks.empty();

	private final DisposableServer server;

	private FakeDownstream() {
		this.server = HttpServer.create().host("localhost").port(0).handle(this::handle).bindNow();
	}

	public static FakeDownstream start() {
		return new FakeDownstream();
	}

	public void stop() {
		this.server.disposeNow();
	}

	public int port() {
		return this.server.port();
	}

	public List<Received> received() {
		return this.received;
	}

	public void releaseStream() {
		this.gate.tryEmitEmpty();
	}

	/** Point all three services at this fake. */
	public void register(DynamicPropertyRegistry registry) {
		for (String service : List.of("BOOKING", "ANALYTICS", "MESSAGING")) {
			registry.add(service + "_URL", () -> "http://localhost:" + port());
		}
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		Map<String, String> headers = new java.util.HashMap<>();
		request.requestHeaders().forEach((entry) -> headers.put(entry.getKey().toLowerCase(), entry.getValue()));
		this.received.add(new Received(request.method().name(), request.uri(), Map.copyOf(headers)));
		String path = URI.create(request.uri()).getPath();
		response.header("X-Echo-Path", request.uri())
			.header("X-Echo-User-Id", headers.getOrDefault("x-user-id", "-"))
			.header("X-Echo-User-Roles", headers.getOrDefault("x-user-roles", "-"))
			.header("X-Echo-Traceparent", headers.getOrDefault("traceparent", "-"));
		if (path.startsWith("/slow")) {
			return Mono.delay(Duration.ofSeconds(10)).then(response.sendString(Mono.just("late")).then());
		}
		if (path.startsWith("/busy")) {
			return Mono.delay(Duration.ofMillis(250))
				.then(response.header("Content-Type", "application/json")
					.sendString(Mono.just("{\"ok\":true}"))
					.then());
		}
		if (path.startsWith("/unavailable")) {
			return response.status(503).sendString(Mono.just("down")).then();
		}
		if (path.equals("/sessions/updates") || path.endsWith("/progress")) {
			if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
				return response.sendWebsocket((in, out) -> out.sendString(Mono.just("hello")));
			}
			Mono<String> second = request.uri().contains("wait") ? this.gate.asMono().then(Mono.just("two"))
					: Mono.just("two");
			Flux<ByteBuf> events = Flux.concat(Mono.just("one"), second)
				.map((data) -> Unpooled.copiedBuffer("data: " + data + "\n\n", StandardCharsets.UTF_8));
			return response.header("Content-Type", "text/event-stream").send(events, (buffer) -> true).then();
		}
		return response.header("Content-Type", "application/json").sendString(Mono.just("{\"ok\":true}")).then();
	}

}
