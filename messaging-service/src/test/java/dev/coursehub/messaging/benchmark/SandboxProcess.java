package dev.coursehub.messaging.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.coursehub.telegramsandbox.TelegramSandbox;

/**
 * The Telegram sandbox in a JVM of its own, as Telegram is a process of its own: pauses
 * of the benchmark's JVM (which also runs the embedded Kafka broker) would otherwise
 * delay the sandbox's clock on arrivals and show as limit violations the service never
 * made. {@link #main} starts a sandbox, prints its URL, and answers each {@code report}
 * line on its input with its figures as one JSON line.
 */
final class SandboxProcess implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final BufferedReader output;

	private final PrintWriter input;

	private final String url;

	private SandboxProcess(Process process) throws IOException {
		this.process = process;
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		this.url = lineStartingWith("http");
	}

	/** The next output line that starts so; anything logged before it is skipped. */
	private String lineStartingWith(String prefix) throws IOException {
		for (String line = this.output.readLine(); line != null; line = this.output.readLine()) {
			if (line.startsWith(prefix)) {
				return line;
			}
		}
		throw new IllegalStateException("The sandbox process ended");
	}

	static SandboxProcess start(int globalPerSecond, String... jvmOptions) throws IOException {
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), SandboxProcess.class.getName(),
				String.valueOf(globalPerSecond)));
		return new SandboxProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	String url() {
		return this.url;
	}

	/** Forgets everything the sandbox received so far. */
	void reset() throws IOException {
		this.input.println("reset");
		lineStartingWith("reset");
	}

	/** The sandbox's figures now. */
	JsonNode report() throws IOException {
		this.input.println("report");
		return json.readTree(lineStartingWith("{"));
	}

	@Override
	public void close() {
		this.input.close();
		this.process.destroyForcibly();
	}

	public static void main(String[] args) throws IOException {
		try (TelegramSandbox sandbox = TelegramSandbox.start(Integer.parseInt(args[0]))) {
			System.out.println(sandbox.url());
			BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			for (String line = commands.readLine(); line != null; line = commands.readLine()) {
				if ("reset".equals(line.strip())) {
					sandbox.reset();
					System.out.println("reset");
				}
				if ("report".equals(line.strip())) {
					long twice = sandbox.received().values().stream().filter((texts) -> texts.size() > 1).count();
					System.out.println(json.writeValueAsString(Map.of("received", sandbox.received().size(), "twice",
							twice, "requests", sandbox.requests(), "violations", sandbox.violations(), "spanNanos",
							sandbox.arrivalSpan().toNanos(), "maxPerSecond", sandbox.maxPerSecond())));
				}
			}
		}
	}

}
