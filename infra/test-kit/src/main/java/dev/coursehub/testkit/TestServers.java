package dev.coursehub.testkit;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The one place that decides where a test's PostgreSQL and Kafka come from, and starts
 * each at most once per JVM.
 * <ol>
 * <li>{@code COURSEHUB_TEST_POSTGRES_URL} /
 * {@code COURSEHUB_TEST_KAFKA_BOOTSTRAP_SERVERS} point at servers that are already
 * running;</li>
 * <li>otherwise Testcontainers, when a Docker engine answers;</li>
 * <li>otherwise embedded servers: zonky's real PostgreSQL binaries and spring-kafka's
 * {@code EmbeddedKafkaKraftBroker} (a real KRaft broker in this JVM).</li>
 * </ol>
 * {@code COURSEHUB_TEST_DOCKER=false} skips the Docker probe. Nothing here ever skips a
 * test: when no server can be had, the test fails with the reason.
 */
public final class TestServers {

	private static final Log logger = LogFactory.getLog(TestServers.class);

	private static final Map<String, String> env = System.getenv();

	private static final Lazy<PostgresServer> postgres = new Lazy<>(TestServers::startPostgres);

	private static final Lazy<KafkaServer> kafka = new Lazy<>(TestServers::startKafka);

	private static final Lazy<Boolean> docker = new Lazy<>(TestServers::probeDocker);

	private TestServers() {
	}

	/** The PostgreSQL server of this JVM, started on first use. */
	public static PostgresServer postgres() {
		return postgres.get();
	}

	/** The Kafka broker of this JVM, started on first use. */
	public static KafkaServer kafka() {
		return kafka.get();
	}

	private static PostgresServer startPostgres() {
		long started = System.nanoTime();
		PostgresServer server;
		String url = env.get("COURSEHUB_TEST_POSTGRES_URL");
		if (url != null && !url.isBlank()) {
			server = ExternalPostgres.fromEnvironment(url, env);
		}
		else if (docker.get()) {
			server = ContainerPostgres.start();
		}
		else {
			server = EmbeddedPostgresServer.start();
		}
		logger.info("PostgreSQL for tests: " + server.origin() + " at " + server.host() + ":" + server.port()
				+ " (ready in " + millisSince(started) + " ms)");
		return server;
	}

	private static KafkaServer startKafka() {
		long started = System.nanoTime();
		KafkaServer server;
		String bootstrap = env.get("COURSEHUB_TEST_KAFKA_BOOTSTRAP_SERVERS");
		if (bootstrap != null && !bootstrap.isBlank()) {
			server = new ExternalKafka(bootstrap);
		}
		else if (docker.get()) {
			server = ContainerKafka.start();
		}
		else {
			server = EmbeddedKafkaServer.start();
		}
		logger.info("Kafka for tests: " + server.origin() + " at " + server.bootstrapServers() + " (ready in "
				+ millisSince(started) + " ms)");
		return server;
	}

	private static boolean probeDocker() {
		String setting = env.get("COURSEHUB_TEST_DOCKER");
		if (setting != null && !setting.isBlank()) {
			return Boolean.parseBoolean(setting);
		}
		try {
			boolean available = DockerClientFactory.instance().isDockerAvailable();
			if (!available) {
				logger.info("No Docker engine answers: tests use embedded PostgreSQL and Kafka");
			}
			return available;
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private record ExternalKafka(String bootstrapServers) implements KafkaServer {

		@Override
		public String origin() {
			return "external";
		}

	}

	/** Thread-safe, start-once holder. */
	private static final class Lazy<T> {

		private final Supplier<T> factory;

		private volatile T value;

		Lazy(Supplier<T> factory) {
			this.factory = factory;
		}

		T get() {
			T result = this.value;
			if (result == null) {
				synchronized (this) {
					result = this.value;
					if (result == null) {
						result = this.factory.get();
						this.value = result;
					}
				}
			}
			return result;
		}

	}

}
