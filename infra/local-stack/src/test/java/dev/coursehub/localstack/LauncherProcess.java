package dev.coursehub.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher jar running as {@code run.sh} runs it, on a data folder and ports of the
 * test's choosing; its output goes to {@code target/local-stack-it/} and stays there.
 */
final class LauncherProcess {

	private static final Duration START = Duration.ofMinutes(4);

	private static final Duration STOP = Duration.ofMinutes(2);

	private final Process process;

	private final Path output;

	private final Path dataDir;

	private LauncherProcess(Process process, Path output, Path dataDir) {
		this.process = process;
		this.output = output;
		this.dataDir = dataDir;
	}

	/**
	 * @param environment more variables for the launcher; {@code TELEGRAM_API_URL} and
	 * {@code TELEGRAM_BOT_TOKEN} are removed, so the stack always runs its sandbox
	 */
	static LauncherProcess start(Path dataDir, Map<String, Integer> ports, String outputName,
			Map<String, String> environment) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path output = Files.createDirectories(Path.of("target/local-stack-it")).resolve(outputName);
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", "target/coursehub-local-stack.jar")
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		Map<String, String> env = builder.environment();
		env.remove("TELEGRAM_API_URL");
		env.remove("TELEGRAM_BOT_TOKEN");
		env.putAll(environment);
		env.put("COURSEHUB_DATA_DIR", dataDir.toString());
		ports.forEach((name, port) -> env.put("COURSEHUB_" + name.toUpperCase().replace('-', '_') + "_PORT",
				String.valueOf(port)));
		return new LauncherProcess(builder.start(), output, dataDir);
	}

	/**
	 * A free port for each server, by name: gateway, booking, ..., kafka-controller,
	 * telegram-sandbox, prometheus.
	 */
	static Map<String, Integer> freePorts() throws IOException {
		List<ServerSocket> sockets = new ArrayList<>();
		Map<String, Integer> ports = new LinkedHashMap<>();
		try {
			for (String name : List.of("gateway", "booking", "analytics", "messaging", "postgres", "kafka",
					"kafka-controller", "telegram-sandbox", "prometheus")) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				ports.put(name, socket.getLocalPort());
			}
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
		return ports;
	}

	String output() throws IOException {
		return Files.readString(this.output, StandardCharsets.UTF_8);
	}

	int exitValue() {
		return this.process.exitValue();
	}

	void awaitReady() {
		Awaitility.await("the launcher reports the stack ready")
			.atMost(START)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				assertThat(this.process.isAlive()).as("launcher running; output:%n%s", output()).isTrue();
				return output().contains("CourseHub local stack is ready in");
			});
	}

	/** Waits for the launcher to exit by itself; returns every process it had started. */
	Set<ProcessHandle> awaitExit() {
		Set<ProcessHandle> seen = new LinkedHashSet<>();
		Awaitility.await("the launcher exits")
			.atMost(START.plus(STOP))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				this.process.descendants().forEach(seen::add);
				postmaster().ifPresent(seen::add);
				return !this.process.isAlive();
			});
		return seen;
	}

	/** SIGTERM, then: it exits in time, stopped gracefully, and left nothing behind. */
	void stopAndAssertNothingLeft(Map<String, Integer> ports) throws IOException {
		Set<ProcessHandle> started = new LinkedHashSet<>(this.process.descendants().toList());
		started.add(postmaster().orElseThrow());
		// kafka, postgres, the Telegram sandbox and the four services
		assertThat(started).hasSizeGreaterThanOrEqualTo(7);
		this.process.destroy();
		Awaitility.await("the launcher exits after SIGTERM").atMost(STOP).until(() -> !this.process.isAlive());
		assertThat(output())
			.contains("stopping the services", "stopping the Telegram sandbox", "stopping Kafka", "stopping PostgreSQL",
					"stopped")
			.doesNotContain("SIGKILL");
		assertThat(started).noneMatch(ProcessHandle::isAlive);
		assertClosed(ports.values().stream().mapToInt(Integer::intValue).toArray());
	}

	/** After a failed test: whatever still runs is killed. */
	void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		postmaster().ifPresent(ProcessHandle::destroyForcibly);
	}

	static void assertClosed(int... ports) {
		for (int port : ports) {
			assertThat(isOpen(port)).as("port %d is still open", port).isFalse();
		}
	}

	private static boolean isOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Optional<ProcessHandle> postmaster() {
		return new PostmasterPidFile(this.dataDir.resolve("postgres")).runningServer();
	}

}
