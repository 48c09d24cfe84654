package dev.coursehub.opschecks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the operations tools (promtool, docker-compose, kubectl) and finds the repository.
 * A missing tool fails the test that needs it: these checks never skip ({@code .ci/run}
 * installs the Debian packages).
 */
final class Tool {

	static final Path REPOSITORY = findRepository();

	private Tool() {
	}

	static Result run(Path directory, Map<String, String> environment, String... command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
			}
			return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(command[0] + " cannot run (install the Debian package, see .ci/run)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Result run(Path directory, String... command) {
		return run(directory, Map.of(), command);
	}

	static List<Object> yamlDocuments(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(16 * 1024 * 1024);
		List<Object> documents = new ArrayList<>();
		new Yaml(options).loadAll(text).forEach((document) -> {
			if (document != null) {
				documents.add(document);
			}
		});
		return documents;
	}

	static Object yaml(Path file) throws IOException {
		return yamlDocuments(Files.readString(file)).get(0);
	}

	private static Path findRepository() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isDirectory(directory.resolve("infra/prometheus"))) {
			directory = directory.getParent();
		}
		if (directory == null) {
			throw new IllegalStateException("infra/prometheus not found above " + Path.of("").toAbsolutePath());
		}
		return directory;
	}

	record Result(int exitCode, String output) {

		Result assertSucceeded(String what) {
			if (this.exitCode != 0) {
				throw new AssertionError(what + " failed (exit " + this.exitCode + "):\n" + this.output);
			}
			return this;
		}

	}

}
