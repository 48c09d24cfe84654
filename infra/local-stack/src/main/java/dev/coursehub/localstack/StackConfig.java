package dev.coursehub.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything the launcher needs to know, read once from the environment.
 *
 * @param repoRoot the CourseHub checkout the service jars are taken from
 * @param dataDir the one folder that holds the databases, the Kafka log and the logs
 * @param ports the ports of every server
 * @param javaOptions options for every child JVM (services, Kafka)
 * @param startTimeout how long the whole stack may take to become healthy
 * @param prometheus the Prometheus to start beside the services, if any
 */
record StackConfig(Path repoRoot, Path dataDir, Ports ports, List<String> javaOptions, Duration startTimeout,
		PrometheusServer.Binary prometheus) {

	static final String DATA_DIR = "COURSEHUB_DATA_DIR";

	static final String JAVA_OPTS = "COURSEHUB_JAVA_OPTS";

	static final String START_TIMEOUT = "COURSEHUB_START_TIMEOUT";

	static final String DEFAULT_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(5);

	static final String DB_USER = "postgres";

	static final String DB_PASSWORD = "postgres";

	static StackConfig from(Map<String, String> env, Path repoRoot) {
		String dataDir = env.get(DATA_DIR);
		Path data = (dataDir == null || dataDir.isBlank()) ? repoRoot.resolve(".local-stack")
				: Path.of(dataDir.trim()).toAbsolutePath();
		String javaOpts = env.get(JAVA_OPTS);
		List<String> options = Arrays
			.stream(((javaOpts == null || javaOpts.isBlank()) ? DEFAULT_JAVA_OPTS : javaOpts).trim().split("\\s+"))
			.toList();
		return new StackConfig(repoRoot, data.normalize(), Ports.from(env), options, startTimeout(env),
				PrometheusServer.locate(env));
	}

	private static Duration startTimeout(Map<String, String> env) {
		String value = env.get(START_TIMEOUT);
		if (value == null || value.isBlank()) {
			return DEFAULT_START_TIMEOUT;
		}
		try {
			long seconds = Long.parseLong(value.trim());
			if (seconds > 0) {
				return Duration.ofSeconds(seconds);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(START_TIMEOUT + " must be a number of seconds, not '" + value + "'");
	}

	/**
	 * The checkout that holds {@code start}: the closest folder above it with both
	 * {@code mvnw} and {@code infra/local-stack}.
	 */
	static Path findRepoRoot(Path start) {
		for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra/local-stack"))) {
				return dir;
			}
		}
		throw new IllegalArgumentException("No CourseHub checkout found above " + start);
	}

	Path logsDir() {
		return this.dataDir.resolve("logs");
	}

	Path logFile(String name) {
		return logsDir().resolve(name + ".log");
	}

	Path postgresDir() {
		return this.dataDir.resolve("postgres");
	}

	Path kafkaDir() {
		return this.dataDir.resolve("kafka");
	}

	/** A gateway admin token, rewritten on every start. */
	Path adminTokenFile() {
		return this.dataDir.resolve("admin-token");
	}

	/** Pids of the running children, so a killed launcher's leftovers are found. */
	Path runDir() {
		return this.dataDir.resolve("run");
	}

}
