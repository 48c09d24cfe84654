package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes this launcher started. Each one's pid is written to the data folder's
 * {@code run} folder while it runs, and an unexpected exit completes {@link #crash()}.
 */
final class Children {

	private final Path runDir;

	private final List<ChildProcess> started = new ArrayList<>();

	private final CompletableFuture<Crash> crash = new CompletableFuture<>();

	private boolean stopping;

	Children(Path runDir) {
		this.runDir = runDir;
	}

	/**
	 * Starts a child; {@code watched} ones that exit before {@link #beginStopping()}
	 * count as crashed.
	 */
	synchronized ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir,
			Path log, boolean watched) throws IOException {
		if (this.stopping) {
			throw new StackStopping();
		}
		ChildProcess child = ChildProcess.start(name, command, environment, workingDir, log);
		this.started.add(child);
		Files.createDirectories(this.runDir);
		Files.writeString(pidFile(name), child.pid() + "\n");
		if (watched) {
			child.process().onExit().thenRun(() -> exited(new Crash(name, child.exitDescription(), child.log())));
		}
		return child;
	}

	/** Treats the end of a process this launcher did not start itself as a crash. */
	void watch(String name, ProcessHandle process, Path log) {
		process.onExit().thenRun(() -> exited(new Crash(name, "exit code unknown (not our child)", log)));
	}

	private synchronized void exited(Crash crash) {
		if (!this.stopping) {
			this.crash.complete(crash);
		}
	}

	/** Completes with the first process that ended while it should have kept running. */
	CompletableFuture<Crash> crash() {
		return this.crash;
	}

	/**
	 * Waits up to {@code time}, or less when a watched process crashes, which ends the
	 * wait with a {@link StackFailure}; {@code when} says what the stack was doing.
	 */
	void pause(Duration time, String when) {
		try {
			Crash crashed = this.crash.get(time.toMillis(), TimeUnit.MILLISECONDS);
			throw StackFailure.of(crashed, when);
		}
		catch (TimeoutException ex) {
			// nothing crashed
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackStopping();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** From now on no child starts, and none that ends counts as crashed. */
	synchronized void beginStopping() {
		this.stopping = true;
	}

	synchronized boolean isStopping() {
		return this.stopping;
	}

	/**
	 * Stops the named children together: SIGTERM to each, then SIGKILL to those still
	 * running after the grace period. Returns the names that had to be killed.
	 */
	List<String> stop(Collection<String> names, Duration grace) {
		List<ChildProcess> children;
		synchronized (this) {
			children = this.started.stream().filter((child) -> names.contains(child.name())).toList();
		}
		children.forEach(ChildProcess::terminate);
		long deadline = System.nanoTime() + grace.toNanos();
		List<String> killed = new ArrayList<>();
		for (ChildProcess child : children) {
			if (child.awaitOrKill(deadline)) {
				killed.add(child.name());
			}
			deletePidFile(child.name());
		}
		return killed;
	}

	/** Children that were started and are still running. */
	synchronized List<ChildProcess> running() {
		return this.started.stream().filter(ChildProcess::isAlive).toList();
	}

	private Path pidFile(String name) {
		return this.runDir.resolve(name + ".pid");
	}

	private void deletePidFile(String name) {
		try {
			Files.deleteIfExists(pidFile(name));
		}
		catch (IOException ex) {
			// only a hint for the next start, which checks the process itself
		}
	}

	/** Thrown when a start is refused because the stack is being stopped. */
	static final class StackStopping extends RuntimeException {

		StackStopping() {
			super("the local stack is stopping");
		}

	}

}
