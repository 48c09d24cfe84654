package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PostgreSQL's {@code postmaster.pid} in the data directory: the server's pid on its
 * first line. After a killed run it is either stale (that pid is gone, or now belongs to
 * another program) or names a server still running on this data directory.
 */
final class PostmasterPidFile {

	static final String NAME = "postmaster.pid";

	private final Path dataDir;

	PostmasterPidFile(Path dataDir) {
		this.dataDir = dataDir;
	}

	Path path() {
		return this.dataDir.resolve(NAME);
	}

	static OptionalLong parsePid(String content) {
		String first = content.lines().findFirst().orElse("").trim();
		try {
			long pid = Long.parseLong(first);
			return (pid > 0) ? OptionalLong.of(pid) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/** Whether a process' command line is a PostgreSQL server for {@code dataDir}. */
	static boolean isServerFor(String commandLine, Path dataDir) {
		String[] words = commandLine.split(" ");
		return words.length > 0 && words[0].endsWith("postgres") && commandLine.contains(" " + dataDir + " ");
	}

	OptionalLong pid() {
		try {
			return parsePid(Files.readString(path()));
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	/** The server named by the file, if it is running on this data directory. */
	Optional<ProcessHandle> runningServer() {
		OptionalLong pid = pid();
		if (pid.isEmpty()) {
			return Optional.empty();
		}
		return ProcessHandle.of(pid.getAsLong())
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info()
				.commandLine()
				.map((line) -> isServerFor(line + " ", this.dataDir))
				// a live process whose command line cannot be read may be that server
				.orElse(true));
	}

	/**
	 * Makes the data directory startable after a killed run: stops a server still running
	 * on it (SIGTERM, a grace period, SIGKILL; PostgreSQL recovers from its WAL) and
	 * removes a pid file that names no such server.
	 */
	void clear(Console console) throws IOException {
		if (!Files.exists(path())) {
			return;
		}
		Optional<ProcessHandle> server = runningServer();
		if (server.isPresent()) {
			console.step("stopping PostgreSQL (pid " + server.get().pid() + ") left running by a previous run");
			Leftovers.stop(server.get(), Duration.ofSeconds(30));
			if (server.get().isAlive()) {
				throw new StackFailure("PostgreSQL (pid " + server.get().pid() + ") still runs on " + this.dataDir
						+ "; stop it, then start again", null);
			}
		}
		else {
			console.step("removing stale " + NAME + " left by a previous run");
		}
		Files.deleteIfExists(path());
	}

}
