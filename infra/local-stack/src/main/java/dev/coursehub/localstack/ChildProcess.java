package dev.coursehub.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A JVM the launcher started, with its output going to its own log file. */
final class ChildProcess {

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir,
			Path log) throws IOException {
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		builder.environment().putAll(environment);
		return new ChildProcess(name, builder.start(), log);
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Process process() {
		return this.process;
	}

	/** SIGTERM now; see {@link #awaitOrKill(long)}. */
	void terminate() {
		if (this.process.isAlive()) {
			this.process.destroy();
		}
	}

	/**
	 * Waits until the deadline ({@link System#nanoTime()}) for the process to end, then
	 * SIGKILLs it and anything it started. Returns whether it had to be killed.
	 */
	boolean awaitOrKill(long deadlineNanos) {
		try {
			long left = Math.max(0, deadlineNanos - System.nanoTime());
			if (this.process.waitFor(left, TimeUnit.NANOSECONDS)) {
				return false;
			}
			List<ProcessHandle> descendants = this.process.descendants().toList();
			this.process.destroyForcibly();
			descendants.forEach(ProcessHandle::destroyForcibly);
			this.process.waitFor(10, TimeUnit.SECONDS);
			for (ProcessHandle descendant : descendants) {
				descendant.onExit().get(10, TimeUnit.SECONDS);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			// a descendant that outlives SIGKILL by 10 seconds is beyond our reach
			return true;
		}
	}

	/** SIGTERM, a grace period, then SIGKILL. Returns whether it had to be killed. */
	boolean stop(Duration grace) {
		terminate();
		return awaitOrKill(System.nanoTime() + grace.toNanos());
	}

	/**
	 * How the process ended, e.g. {@code exit code 1} or
	 * {@code exit code 137 (signal 9)}.
	 */
	String exitDescription() {
		return describeExit(this.process.exitValue());
	}

	static String describeExit(int code) {
		// a JVM reports death by a signal as 128 + the signal's number
		return (code > 128 && code < 160) ? "exit code " + code + " (signal " + (code - 128) + ")"
				: "exit code " + code;
	}

}
