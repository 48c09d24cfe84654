package dev.coursehub.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.coursehub.testkit.TestDatabase;
import dev.coursehub.testkit.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * messaging-service as a process of its own: a JVM on this test's classpath, configured
 * through its environment as in production, on a database of the test kit's PostgreSQL
 * and on its Kafka, with its output in {@code target/service-processes/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

	static final Path LOGS = Path.of("target", "service-processes");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final URI base;

	private final HttpClient http = HttpClient.newHttpClient();

	private ServiceProcess(Process process, URI base) {
		this.process = process;
		this.base = base;
	}

	/**
	 * Starts the service and waits until it is ready.
	 * @param name names the log file
	 * @param database the service's database (created empty by the test kit)
	 * @param settings environment variables on top of the database and Kafka ones
	 * @param jvmOptions options of the service's JVM
	 */
	public static ServiceProcess start(String name, TestDatabase database, Map<String, String> settings,
			String... jvmOptions) throws IOException {
		Files.createDirectories(LOGS);
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(jvmOptions));
		command
			.addAll(List.of("-cp", System.getProperty("java.class.path"), MessagingServiceApplication.class.getName()));
		Path log = LOGS.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("DB_HOST", TestServers.postgres().host());
		env.put("DB_PORT", String.valueOf(TestServers.postgres().port()));
		env.put("DB_NAME", database.name());
		env.put("DB_USER", database.username());
		env.put("DB_PASSWORD", database.password());
		env.put("KAFKA_BOOTSTRAP_SERVERS", TestServers.kafka().bootstrapServers());
		// topics and groups of its own: other tests in this JVM use the default ones
		env.put("KAFKA_GROUP_ID", database.name());
		env.put("MESSAGING_EVENTS_TOPIC", database.name() + ".messaging.events");
		env.put("BOOKING_EVENTS_TOPIC", database.name() + ".booking.events");
		env.put("PORT", String.valueOf(port));
		env.putAll(settings);
		Process process = builder.start();
		ServiceProcess service = new ServiceProcess(process, URI.create("http://127.0.0.1:" + port));
		HttpRequest readiness = HttpRequest.newBuilder(service.base.resolve("/actuator/health/readiness")).build();
		await(name + " ready").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(IOException.class)
			.until(() -> {
				assertThat(process.isAlive()).as(name + " exited, see " + log).isTrue();
				return service.http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			});
		return service;
	}

	public Process process() {
		return this.process;
	}

	/** GET, expecting 200. */
	public String getText(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.base.resolve(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	/** GET of a JSON body, expecting 200. */
	public JsonNode get(String path) throws IOException, InterruptedException {
		return json.readTree(getText(path));
	}

	/** POST of a JSON body, expecting {@code status}. */
	public JsonNode post(String path, String body, int status) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	/**
	 * Kills the process with SIGKILL and waits for it to end; returns its exit status.
	 */
	public int kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
		return this.process.exitValue();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
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
