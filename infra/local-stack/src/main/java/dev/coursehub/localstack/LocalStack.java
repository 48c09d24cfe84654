package dev.coursehub.localstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the whole platform locally: PostgreSQL, Kafka, the Telegram sandbox, the three
 * back-end services, then the gateway, and Prometheus when it is installed, each in a
 * process of its own; waits until every health endpoint is UP; and stops all of it on
 * Ctrl-C, SIGTERM or when one of them crashes.
 */
public final class LocalStack {

	private static final Duration PROMETHEUS_GRACE = Duration.ofSeconds(10);

	private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

	private static final Duration SANDBOX_GRACE = Duration.ofSeconds(5);

	private static final Duration KAFKA_GRACE = Duration.ofSeconds(30);

	private static final int TAIL_LINES = 20;

	private final StackConfig config;

	private final Console console;

	private final Children children;

	private final Startup startup;

	private final Object stopLock = new Object();

	private boolean stopped;

	private FileLock lock;

	private LocalStack(StackConfig config, Console console) {
		this.config = config;
		this.console = console;
		this.children = new Children(config.runDir());
		this.startup = new Startup(config, console, this.children);
	}

	public static void main(String[] args) throws URISyntaxException {
		Console console = Console.system();
		if (args.length > 0) {
			console.line("Usage: infra/local-stack/run.sh   (settings come from environment variables, see "
					+ "infra/local-stack/README.md)");
			System.exit(args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
		}
		StackConfig config;
		try {
			Path launcher = Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			config = StackConfig.from(System.getenv(), StackConfig.findRepoRoot(launcher));
		}
		catch (IllegalArgumentException ex) {
			console.failure(ex.getMessage(), null, List.of());
			System.exit(2);
			return;
		}
		LocalStack stack = new LocalStack(config, console);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
		System.exit(stack.run());
	}

	/** Starts the stack and blocks while it runs; returns only when it failed. */
	private int run() {
		try {
			this.lock = DataDirLock.acquire(this.config.dataDir());
			Map<String, Long> pids = this.startup.start();
			Summary.lines(this.config, this.console, pids, this.startup.telegram(), this.startup.prometheus())
				.forEach(this.console::line);
			Crash crash = this.children.crash().join();
			throw StackFailure.of(crash, "while the stack was running");
		}
		catch (StackFailure ex) {
			if (!this.children.isStopping()) {
				Path log = ex.log();
				this.console.failure(ex.getMessage(), (log != null) ? log.toString() : null,
						(log != null) ? LogFiles.tail(log, TAIL_LINES) : List.of());
			}
		}
		catch (IOException | RuntimeException ex) {
			if (!this.children.isStopping()) {
				this.console.failure("unexpected error: " + ex, null, List.of());
				ex.printStackTrace();
			}
		}
		if (this.children.isStopping()) {
			// Ctrl-C or SIGTERM during start-up: the shutdown hook stops everything
			return 130;
		}
		stop();
		return 1;
	}

	/**
	 * Prometheus and the services first (SIGTERM, a grace period, SIGKILL), then the
	 * Telegram sandbox, then Kafka, then PostgreSQL. Runs once, from the shutdown hook or
	 * after a failure; a second caller waits for it.
	 */
	private void stop() {
		synchronized (this.stopLock) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			this.children.beginStopping();
			stop("Prometheus", List.of(PrometheusServer.NAME), PROMETHEUS_GRACE);
			stop("the services",
					List.of(ServiceSpec.GATEWAY, "booking-service", "analytics-service", "messaging-service"),
					SERVICE_GRACE);
			stop("the Telegram sandbox", List.of(TelegramSandboxSpec.NAME), SANDBOX_GRACE);
			stop("Kafka", List.of(KafkaBroker.NAME, KafkaBroker.STORAGE_TOOL), KAFKA_GRACE);
			stopPostgres();
			this.children.running().forEach((child) -> child.stop(Duration.ZERO));
			if (this.startup.postgres() != null) {
				this.console.step("stopped");
			}
			if (this.lock != null) {
				try {
					this.lock.channel().close();
				}
				catch (IOException ex) {
					// released when the process ends anyway
				}
			}
		}
	}

	private void stopPostgres() {
		CompletableFuture<PostgresServer> starting = this.startup.postgres();
		if (starting == null) {
			return;
		}
		this.console.step("stopping PostgreSQL");
		try {
			starting.join().stop();
		}
		catch (CompletionException ex) {
			// it did not start; PostgresServer.start cleaned up after itself
		}
	}

	private void stop(String what, List<String> names, Duration grace) {
		if (this.children.running().stream().anyMatch((child) -> names.contains(child.name()))) {
			this.console.step("stopping " + what);
			this.children.stop(names, grace)
				.forEach((name) -> this.console
					.step(name + " did not stop within " + grace.toSeconds() + "s and was killed (SIGKILL)"));
		}
	}

}
