package dev.coursehub.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadinessTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Console console = new Console(Instant.now(), new PrintStream(this.output, true), System.err);

	private final AtomicInteger calls = new AtomicInteger();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		// DOWN twice, then UP
		this.server.createContext("/slow/actuator/health", (exchange) -> answer(exchange.getResponseBody(), exchange,
				(this.calls.incrementAndGet() > 2) ? 200 : 503));
		this.server.createContext("/secured/actuator/health", (exchange) -> answer(exchange.getResponseBody(), exchange,
				"Bearer let-me-in".equals(exchange.getRequestHeaders().getFirst("Authorization")) ? 200 : 401));
		this.server.createContext("/down/actuator/health",
				(exchange) -> answer(exchange.getResponseBody(), exchange, 503));
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void waitsUntilUp() {
		readiness(30).await(List.of(target("slow")));
		assertThat(this.calls).hasValue(3);
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("slow is UP   " + url("slow"));
	}

	@Test
	void refusedHealthCheckFailsAtOnce() {
		assertThatExceptionOfType(StackFailure.class).isThrownBy(() -> readiness(30).await(List.of(target("secured"))))
			.withMessage(url("secured") + " answered 401: the health check was refused");
	}

	@Test
	void sendsTheBearerToken() {
		readiness(30)
			.await(List.of(new Readiness.Target("secured", url("secured"), this.dir.resolve("s.log"), "let-me-in")));
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("secured is UP");
	}

	@Test
	void notUpInTimeNamesWhatIsMissing() {
		assertThatExceptionOfType(StackFailure.class)
			.isThrownBy(() -> readiness(3).await(List.of(target("slow"), target("down"))))
			.satisfies((failure) -> assertThat(failure.log()).isEqualTo(this.dir.resolve("down.log")))
			.withMessageStartingWith("not UP in time: down");
	}

	private Readiness readiness(int seconds) {
		return new Readiness(this.console, new Children(this.dir.resolve("run")),
				System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
	}

	private Readiness.Target target(String name) {
		return new Readiness.Target(name, url(name), this.dir.resolve(name + ".log"));
	}

	private URI url(String name) {
		return URI.create("http://localhost:" + this.server.getAddress().getPort() + "/" + name + "/actuator/health");
	}

	private static void answer(OutputStream body, com.sun.net.httpserver.HttpExchange exchange, int status)
			throws IOException {
		byte[] json = ((status == 200) ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, json.length);
		body.write(json);
		body.close();
	}

}
