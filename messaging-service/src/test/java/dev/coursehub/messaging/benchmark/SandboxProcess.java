package dev.coursehub.messaging.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.coursehub.telegramsandbox.SandboxSettings;
import dev.coursehub.telegramsandbox.TelegramSandbox;
import dev.coursehub.telegramsandbox.TelegramSandboxServer;

/**
 * The sandbox's own executable ({@link TelegramSandboxServer}) in a JVM of its own, as
 * Telegram is a process of its own: pauses of the benchmark's JVM (which also runs the
 * embedded Kafka broker) would otherwise delay the sandbox's clock on arrivals and show
 * as limit violations the service never made. Reset and figures go through its
 * {@code /sandbox} endpoints.
 */
final class SandboxProcess implements AutoCloseable {

	private static final String LISTENING = "Telegram sandbox listening on ";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final Process process;

	private final String url;

	private SandboxProcess(Process process) throws IOException {
		this.process = process;
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.url = listeningUrl(output);
		// whatever it prints later is read and dropped, so a full pipe never stalls it
		Thread drain = new Thread(() -> output.lines().forEach((line) -> {
		}), "sandbox-output");
		drain.setDaemon(true);
		drain.start();
	}

	/** The URL of the start-up line; anything logged before it is skipped. */
	private static String listeningUrl(BufferedReader output) throws IOException {
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			if (line.startsWith(LISTENING)) {
				return line.substring(LISTENING.length()).split(" ", 2)[0];
			}
		}
		throw new IllegalStateException("The sandbox process ended");
	}

	/**
	 * Starts the sandbox at the scheduling niceness {@code nice} (0: as this JVM; a
	 * negative one needs root, and without it {@code nice} runs it unchanged).
	 */
	static SandboxProcess start(int globalPerSecond, int nice, String... jvmOptions) throws IOException {
		List<String> command = new ArrayList<>();
		if (nice != 0) {
			command.addAll(List.of("nice", "-n", String.valueOf(nice)));
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), TelegramSandboxServer.class.getName()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put(SandboxSettings.PORT, "0");
		builder.environment().put(SandboxSettings.TOKEN, TelegramSandbox.TOKEN);
		builder.environment().put(SandboxSettings.GLOBAL_PER_SECOND, String.valueOf(globalPerSecond));
		return new SandboxProcess(builder.start());
	}

	String url() {
		return this.url;
	}

	/** Forgets everything the sandbox received so far. */
	void reset() throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(URI.create(this.url + "/sandbox/received")).DELETE().build());
	}

	/** The sandbox's figures now ({@code GET /sandbox/stats}). */
	JsonNode report() throws IOException, InterruptedException {
		return json.readTree(send(HttpRequest.newBuilder(URI.create(this.url + "/sandbox/stats")).build()));
	}

	private String send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
		}
		return response.body();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
