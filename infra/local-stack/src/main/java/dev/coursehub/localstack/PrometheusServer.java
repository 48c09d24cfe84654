package dev.coursehub.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus beside the services, when it is installed (Debian's {@code prometheus}
 * package): a configuration generated on every start scrapes the four services on this
 * stack's ports with the jobs and labels of {@code infra/prometheus/prometheus.yml},
 * loads the alert rules of {@code infra/prometheus/rules} and keeps its data in the data
 * folder.
 */
final class PrometheusServer {

	static final String NAME = "prometheus";

	/** The binary to run, {@code off}, or unset for {@code prometheus} on the PATH. */
	static final String BINARY = "COURSEHUB_PROMETHEUS";

	/** Short enough that a request shows on a dashboard within seconds. */
	static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);

	private PrometheusServer() {
	}

	/** The binary {@link #BINARY} names, or {@code prometheus} on the PATH. */
	static Binary locate(Map<String, String> env) {
		String value = env.get(BINARY);
		if (value == null || value.isBlank()) {
			return JavaCommand.onPath(NAME, env.get("PATH"))
				.map(Binary::found)
				.orElseGet(() -> Binary.none("no prometheus on the PATH (Debian: apt-get install prometheus; or "
						+ BINARY + "=<path to the binary>)"));
		}
		String named = value.trim();
		if (named.equalsIgnoreCase("off")) {
			return Binary.none("turned off (" + BINARY + "=off)");
		}
		Optional<Path> binary = named.contains("/")
				? Optional.of(Path.of(named).toAbsolutePath())
					.filter((path) -> Files.isRegularFile(path) && Files.isExecutable(path))
				: JavaCommand.onPath(named, env.get("PATH"));
		return binary.map(Binary::found)
			.orElseThrow(() -> new IllegalArgumentException(BINARY + " names no executable: '" + value
					+ "' (leave it unset for prometheus on the PATH, or set it to off)"));
	}

	static Path configFile(Path dataDir) {
		return dataDir.resolve(NAME).resolve("prometheus.yml");
	}

	static URI url(StackConfig config) {
		return URI.create("http://localhost:" + config.ports().prometheus());
	}

	/**
	 * The scrape configuration: the jobs and labels of
	 * {@code infra/prometheus/prometheus.yml} on this stack's ports, with absolute paths
	 * to the rules and to the admin token the gateway's {@code /actuator/prometheus} asks
	 * for (Prometheus reads the token file on every scrape).
	 */
	static String config(StackConfig config) {
		Ports ports = config.ports();
		Path rules = config.repoRoot().resolve("infra/prometheus/rules");
		return """
				# Written by the CourseHub local stack on every start: edits are lost. The jobs and
				# labels are those of infra/prometheus/prometheus.yml, on this stack's ports.
				global:
				  scrape_interval: %1$ds
				  evaluation_interval: %1$ds

				rule_files:
				  - %2$s

				scrape_configs:
				  - job_name: coursehub-services
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['localhost:%3$d']
				        labels: {service: booking-service}
				      - targets: ['localhost:%4$d']
				        labels: {service: analytics-service}
				      - targets: ['localhost:%5$d']
				        labels: {service: messaging-service}

				  - job_name: coursehub-gateway
				    metrics_path: /actuator/prometheus
				    authorization:
				      type: Bearer
				      credentials_file: %6$s
				    static_configs:
				      - targets: ['localhost:%7$d']
				        labels: {service: gateway}
				""".formatted(SCRAPE_INTERVAL.toSeconds(), quoted(rules.resolve("*.yml")), ports.booking(),
				ports.analytics(), ports.messaging(), quoted(config.adminTokenFile()), ports.gateway());
	}

	/** A YAML single-quoted scalar: nothing is special inside but the quote itself. */
	private static String quoted(Path path) {
		return "'" + path.toString().replace("'", "''") + "'";
	}

	/** The command line, in a session of its own like every other child. */
	static List<String> command(StackConfig config, Path binary, Optional<Path> setsid) {
		List<String> command = new ArrayList<>();
		setsid.ifPresent((path) -> command.add(path.toString()));
		command.add(binary.toString());
		command.add("--config.file=" + configFile(config.dataDir()));
		command.add("--storage.tsdb.path=" + config.dataDir().resolve(NAME).resolve("data"));
		command.add("--web.listen-address=localhost:" + config.ports().prometheus());
		return command;
	}

	/**
	 * Whether a process' command line is the Prometheus of the stack in {@code dataDir}.
	 */
	static boolean isChild(String commandLine, Path dataDir) {
		return commandLine.contains("--config.file=" + configFile(dataDir));
	}

	/** Writes the configuration and starts Prometheus, watched like the services. */
	static ChildProcess start(StackConfig config, Path binary, Children children) throws IOException {
		Path file = configFile(config.dataDir());
		Files.createDirectories(file.getParent());
		Files.writeString(file, config(config));
		return children.start(NAME, command(config, binary, JavaCommand.onPath("setsid", System.getenv("PATH"))),
				Map.of(), config.dataDir(), config.logFile(NAME), true);
	}

	/** Waits until Prometheus answers {@code /-/ready}. */
	static void awaitReady(StackConfig config, Children children, long deadlineNanos) {
		Health health = new Health();
		URI ready = URI.create(url(config) + "/-/ready");
		while (health.probe(ready, null).status() != 200) {
			if (System.nanoTime() > deadlineNanos) {
				throw new StackFailure("Prometheus did not become ready in time (" + ready + ")", config.logFile(NAME));
			}
			children.pause(Duration.ofMillis(300), "while starting");
		}
	}

	/**
	 * The Prometheus binary, or why there is none.
	 *
	 * @param path the binary, when there is one
	 * @param absence why none is started, when there is none
	 */
	record Binary(Optional<Path> path, String absence) {

		static Binary found(Path path) {
			return new Binary(Optional.of(path), null);
		}

		static Binary none(String absence) {
			return new Binary(Optional.empty(), absence);
		}

	}

}
