package dev.coursehub.booking.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.coursehub.testkit.KafkaServer;
import dev.coursehub.testkit.PostgresServer;
import dev.coursehub.testkit.TestDatabase;
import dev.coursehub.testkit.TestServers;

/**
 * What a benchmark runs against: the test kit's PostgreSQL server and Kafka broker, a
 * fresh database, and the packaged booking-service jar started as its own JVM on a free
 * loopback port, configured through its environment variables as in production.
 * Everything started here is stopped by {@link #close()}.
 */
import static org.awaitility.Awaitility.await;

final class BenchmarkEnvironment implements AutoCloseable {

	/** Results and service logs go here. */
	static final Path OUTPUT = Path.of(System.getProperty("benchmark.output", "target/benchmarks"));

	private final PostgresServer postgres;

	private final KafkaServer kafka;

	private final TestDatabase database;

	private final Process service;

	private final URI baseUri;

	private BenchmarkEnvironment(PostgresServer postgres, KafkaServer kafka, TestDatabase database, Process service,
			URI baseUri) {
		this.postgres = postgres;
		this.kafka = kafka;
		this.database = database;
		this.service = service;
		this.baseUri = baseUri;
	}

	/**
	 * Start the servers, create a database and start the service on it; returns once the
	 * service reports itself ready (its migrations ran and Kafka answers).
	 */
	static BenchmarkEnvironment start(String name) throws Exception {
		Files.createDirectories(OUTPUT);
		PostgresServer postgres = TestServers.postgres();
		KafkaServer kafka = TestServers.kafka();
		TestDatabase database = TestDatabase.create(name);
		int port = freePort();
		Path jar = Path.of(System.getProperty("benchmark.jar", "target/booking-service.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No service jar at " + jar.toAbsolutePath() + ": package it first");
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(System.getProperty("benchmark.serviceJavaOpts", "-Xms1g -Xmx1g").split(" ")));
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(OUTPUT.resolve(name + "-service.log").toFile());
		Map<String, String> env = builder.environment();
		env.put("DB_HOST", postgres.host());
		env.put("DB_PORT", String.valueOf(postgres.port()));
		env.put("DB_NAME", database.name());
		env.put("DB_USER", database.username());
		env.put("DB_PASSWORD", database.password());
		env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		env.put("PORT", String.valueOf(port));
		Process service = builder.start();
		BenchmarkEnvironment environment = new BenchmarkEnvironment(postgres, kafka, database, service,
				URI.create("http://127.0.0.1:" + port));
		Runtime.getRuntime().addShutdownHook(new Thread(environment::stopService, "benchmark-service-stop"));
		environment.awaitReady(Duration.ofSeconds(120));
		return environment;
	}

	URI uri(String path) {
		return this.baseUri.resolve(path);
	}

	String kafkaBootstrapServers() {
		return this.kafka.bootstrapServers();
	}

	Connection jdbc() throws SQLException {
		return DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(), this.database.password());
	}

	/**
	 * Arguments and environment that point a PostgreSQL client (pgbench, psql) at the
	 * database.
	 */
	ProcessBuilder postgresClient(List<String> command) {
		List<String> full = new ArrayList<>(command);
		full.addAll(List.of("-h", this.postgres.host(), "-p", String.valueOf(this.postgres.port()), "-U",
				this.database.username(), this.database.name()));
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", this.database.password());
		return builder;
	}

	String describe() {
		return "PostgreSQL " + this.postgres.origin() + " at " + this.postgres.host() + ":" + this.postgres.port()
				+ " db " + this.database.name() + ", Kafka " + this.kafka.origin() + " at "
				+ this.kafka.bootstrapServers() + ", service pid " + this.service.pid() + " at " + this.baseUri;
	}

	private void awaitReady(Duration timeout) {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness")).build();
		// IOException: not listening yet
		await("booking-service ready").atMost(timeout)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				if (!this.service.isAlive()) {
					throw new IllegalStateException("booking-service exited with " + this.service.exitValue());
				}
				return client.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
			});
	}

	private void stopService() {
		if (!this.service.isAlive()) {
			return;
		}
		this.service.destroy();
		try {
			if (!this.service.waitFor(30, TimeUnit.SECONDS)) {
				this.service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.service.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops the service JVM. The test kit stops its PostgreSQL server and Kafka broker
	 * when this JVM exits, so a benchmark's {@code main} ends with {@code System.exit}.
	 */
	@Override
	public void close() {
		stopService();
	}

	/**
	 * The machine's 1-minute load average ({@code /proc/loadavg}): other work on the
	 * machine shows up here.
	 */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
