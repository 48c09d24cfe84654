package dev.coursehub.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command lines for the child JVMs.
 * <p>
 * Each child runs in a session of its own ({@code setsid}, when the system has it) so
 * that Ctrl-C in the terminal reaches the launcher only: the launcher then stops the
 * services before Kafka and Kafka before PostgreSQL, instead of every JVM receiving
 * SIGINT at the same moment. Every child carries a marker property naming it, which is
 * how a killed launcher's leftovers are recognised on the next start.
 */
final class JavaCommand {

	static final String MARKER = "-Dcoursehub.local-stack=";

	private final Path java;

	private final List<String> options;

	private final Optional<Path> setsid;

	JavaCommand(Path java, List<String> options, Optional<Path> setsid) {
		this.java = java;
		this.options = List.copyOf(options);
		this.setsid = setsid;
	}

	/** The JVM running the launcher, with the configured options. */
	static JavaCommand of(StackConfig config) {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		return new JavaCommand(java, config.javaOptions(), onPath("setsid", System.getenv("PATH")));
	}

	static Optional<Path> onPath(String command, String path) {
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * {@code java <options> <marker> <extraOptions> <arguments>} for the child called
	 * {@code name}.
	 */
	List<String> command(String name, List<String> extraOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		this.setsid.ifPresent((setsid) -> command.add(setsid.toString()));
		command.add(this.java.toString());
		command.addAll(this.options);
		command.add(MARKER + name);
		command.addAll(extraOptions);
		command.addAll(arguments);
		return command;
	}

	/** Whether a process' command line is the child called {@code name}. */
	static boolean isChild(String commandLine, String name) {
		return commandLine.contains(MARKER + name + " ") || commandLine.endsWith(MARKER + name);
	}

}
