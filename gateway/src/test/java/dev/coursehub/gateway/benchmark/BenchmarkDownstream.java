package dev.coursehub.gateway.benchmark;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The service behind the gateway in the gateway benchmark (docs/benchmarks/gateway.md): a
 * Reactor Netty server that answers every request with the same small catalogue-like JSON
 * body, so the benchmark measures the proxies, not a service. Run by
 * {@code gateway/src/test/benchmark/run-gateway-benchmark.sh}; argument: the port.
 */
public final class BenchmarkDownstream {

	private static final byte[] BODY = "{\"id\":12,\"title\":\"Вайб кодинг\",\"streams\":[{\"code\":\"3rd_stream\",\"name\":\"3-й поток\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private BenchmarkDownstream() {
	}

	public static void main(String[] args) {
		int port = Integer.parseInt(args[0]);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.handle((request, response) -> response.header("Content-Type", "application/json")
				.header("Content-Length", String.valueOf(BODY.length))
				.send(Mono.just(Unpooled.wrappedBuffer(BODY)))
				.then())
			.bindNow();
		System.out.println("benchmark downstream listening on " + server.port());
		server.onDispose().block();
	}

}
