package dev.coursehub.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real KRaft broker in a JVM of its own, started with Kafka's own entry point
 * ({@code kafka.Kafka server.properties}) on the launcher's class path. Its storage is
 * formatted once ({@code kafka.tools.StorageTool format}), on the first start, so topics
 * and records survive restarts.
 */
final class KafkaBroker {

	static final String NAME = "kafka";

	static final String STORAGE_TOOL = "kafka-storage";

	private KafkaBroker() {
	}

	static ChildProcess start(StackConfig config, JavaCommand java, Children children, Console console)
			throws IOException {
		Path dir = config.kafkaDir();
		Path logDir = dir.resolve("data");
		Files.createDirectories(logDir);
		Path properties = dir.resolve("server.properties");
		Files.writeString(properties, KafkaFiles.render(KafkaFiles.serverProperties(config.ports(), logDir)));
		Path log4j2 = dir.resolve("log4j2.xml");
		Files.writeString(log4j2, KafkaFiles.log4j2(config.logFile(NAME)));
		// the launcher's class path: its manifest lists exactly the jars in target/lib
		List<String> options = List.of("-Dlog4j2.configurationFile=" + log4j2, "-Djava.awt.headless=true", "-cp",
				absolute(System.getProperty("java.class.path")));
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			console.step("Kafka: formatting the storage in " + logDir + " (first start)");
			format(config,
					java.command(STORAGE_TOOL, options, List.of("kafka.tools.StorageTool", "format", "--config",
							properties.toString(), "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted")),
					children);
		}
		console.step("Kafka: starting the broker on localhost:" + config.ports().kafka() + " (controller "
				+ config.ports().kafkaController() + ")");
		return children.start(NAME, java.command(NAME, options, List.of("kafka.Kafka", properties.toString())),
				Map.of(), config.dataDir(), config.logFile(NAME), true);
	}

	static String absolute(String classPath) {
		return Arrays.stream(classPath.split(File.pathSeparator))
			.map((entry) -> Path.of(entry).toAbsolutePath().toString())
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static void format(StackConfig config, List<String> command, Children children) throws IOException {
		Path log = config.logFile(NAME);
		ChildProcess tool = children.start(STORAGE_TOOL, command, Map.of(), config.dataDir(), log, false);
		try {
			if (!tool.process().waitFor(2, TimeUnit.MINUTES)) {
				tool.stop(Duration.ZERO);
				throw new StackFailure("Kafka's storage tool did not finish within 2 minutes", log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			tool.stop(Duration.ZERO);
			throw new Children.StackStopping();
		}
		children.stop(List.of(STORAGE_TOOL), Duration.ZERO);
		if (tool.process().exitValue() != 0) {
			throw new StackFailure("Kafka's storage tool failed with " + tool.exitDescription(), log);
		}
	}

	/**
	 * Waits until the broker answers and counts itself in the cluster: a fenced broker is
	 * left out of {@code describeCluster}, and topics can only be created once it is in.
	 */
	static void awaitReady(StackConfig config, Children children, long deadlineNanos) {
		Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				"localhost:" + config.ports().kafka(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
				AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
		try (Admin admin = Admin.create(settings)) {
			while (!hasBroker(admin)) {
				if (System.nanoTime() > deadlineNanos) {
					throw new StackFailure("Kafka did not become ready in time", config.logFile(NAME));
				}
				children.pause(Duration.ofMillis(300), "while starting");
			}
		}
	}

	private static boolean hasBroker(Admin admin) {
		try {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Children.StackStopping();
		}
	}

}
