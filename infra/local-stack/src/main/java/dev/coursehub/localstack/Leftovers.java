package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Processes a previous launcher left running because it was killed (SIGKILL) and could
 * not stop them. Holding the data folder's lock proves no launcher owns them any more, so
 * they are stopped, services before Kafka, before anything starts again.
 */
final class Leftovers {

	private static final Duration GRACE = Duration.ofSeconds(20);

	private static final List<String> KAFKA = List.of(KafkaBroker.NAME, KafkaBroker.STORAGE_TOOL);

	private Leftovers() {
	}

	/** Stops the leftover children recorded in {@code runDir}. */
	static void stopChildren(Path runDir, Console console) throws IOException {
		Map<String, ProcessHandle> leftovers = find(runDir);
		Map<String, ProcessHandle> kafka = new LinkedHashMap<>();
		KAFKA.forEach((name) -> Optional.ofNullable(leftovers.remove(name)).ifPresent((p) -> kafka.put(name, p)));
		stopTogether(leftovers, console);
		stopTogether(kafka, console);
	}

	private static Map<String, ProcessHandle> find(Path runDir) throws IOException {
		Map<String, ProcessHandle> found = new LinkedHashMap<>();
		if (!Files.isDirectory(runDir)) {
			return found;
		}
		List<Path> pidFiles = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
			files.forEach(pidFiles::add);
		}
		for (Path pidFile : pidFiles) {
			String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
			readPid(pidFile).flatMap(ProcessHandle::of)
				.filter((process) -> process.info()
					.commandLine()
					.map((line) -> name.equals(PrometheusServer.NAME)
							? PrometheusServer.isChild(line, runDir.getParent()) : JavaCommand.isChild(line, name))
					.orElse(false))
				.ifPresent((process) -> found.put(name, process));
			Files.deleteIfExists(pidFile);
		}
		return found;
	}

	private static void stopTogether(Map<String, ProcessHandle> processes, Console console) {
		processes.forEach((name, process) -> {
			console.step("stopping " + name + " (pid " + process.pid() + ") left running by a previous run");
			process.destroy();
		});
		long deadline = System.nanoTime() + GRACE.toNanos();
		processes.values().forEach((process) -> awaitOrKill(process, deadline));
	}

	/** SIGTERM, a grace period, then SIGKILL; returns whether it had to be killed. */
	static boolean stop(ProcessHandle process, Duration grace) {
		process.destroy();
		return awaitOrKill(process, System.nanoTime() + grace.toNanos());
	}

	private static boolean awaitOrKill(ProcessHandle process, long deadlineNanos) {
		try {
			process.onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
			return false;
		}
		catch (TimeoutException | ExecutionException ex) {
			process.destroyForcibly();
			try {
				process.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (TimeoutException | ExecutionException ignored) {
				// the caller's port checks report what is still there
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return true;
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
