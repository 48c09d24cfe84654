package dev.coursehub.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The start-up order: leftovers of a killed run and busy ports first, then PostgreSQL,
 * Kafka and the Telegram sandbox side by side, Prometheus (when installed) and the three
 * back-end services together once PostgreSQL and Kafka are UP, the gateway last, and
 * finally each back end through the gateway.
 */
final class Startup {

	private final StackConfig config;

	private final Console console;

	private final Children children;

	private CompletableFuture<PostgresServer> postgres;

	private String prometheus;

	private String telegram;

	Startup(StackConfig config, Console console, Children children) {
		this.config = config;
		this.console = console;
		this.children = children;
	}

	/** Starts everything and returns the pid of each process, launcher first. */
	Map<String, Long> start() throws IOException {
		long deadline = System.nanoTime() + this.config.startTimeout().toNanos();
		this.console.line("CourseHub local stack");
		this.console.line("  data folder  " + this.config.dataDir() + "   (" + StackConfig.DATA_DIR + ")");
		this.console.line("  logs         " + this.config.logsDir());
		Leftovers.stopChildren(this.config.runDir(), this.console);
		new PostmasterPidFile(this.config.postgresDir()).clear(this.console);
		checkFree(this.config.ports().postgres(), Ports.POSTGRES, "PostgreSQL");
		checkFree(this.config.ports().kafka(), Ports.KAFKA, "Kafka");
		checkFree(this.config.ports().kafkaController(), Ports.KAFKA_CONTROLLER, "Kafka's controller");
		Optional<TelegramSandboxSpec> sandbox = TelegramSandboxSpec.forStack(System.getenv(), this.config.ports());
		this.telegram = sandbox
			.map((spec) -> "sandbox " + spec.url() + "   (what each chat received: curl " + spec.received() + ")")
			.orElse(TelegramSandboxSpec.API_URL + " and " + TelegramSandboxSpec.BOT_TOKEN + " from your environment");
		List<ServiceSpec> backEnds = ServiceSpec.backEnds(this.config,
				sandbox.map(TelegramSandboxSpec::messagingEnvironment).orElse(Map.of()));
		GatewayAuth auth = GatewayAuth.forStack(System.getenv(), this.config.dataDir());
		ServiceSpec gateway = ServiceSpec.gateway(this.config, auth.secret());
		List<ServiceSpec> services = new ArrayList<>(backEnds);
		services.add(gateway);
		for (ServiceSpec service : services) {
			if (!Files.isRegularFile(service.jar())) {
				throw new StackFailure(service.jar() + " is missing: build it with infra/local-stack/run.sh", null);
			}
			LogFiles.rotate(this.config.logFile(service.name()));
		}
		LogFiles.rotate(this.config.logFile("postgres"));
		LogFiles.rotate(this.config.logFile(KafkaBroker.NAME));
		LogFiles.rotate(this.config.logFile(TelegramSandboxSpec.NAME));
		LogFiles.rotate(this.config.logFile(PrometheusServer.NAME));

		JavaCommand java = JavaCommand.of(this.config);
		startPostgres();
		ChildProcess kafka = KafkaBroker.start(this.config, java, this.children, this.console);
		if (sandbox.isPresent()) {
			startSandbox(java, sandbox.get());
		}
		else {
			this.console.step("Telegram: messaging-service talks to " + TelegramSandboxSpec.API_URL + " / "
					+ TelegramSandboxSpec.BOT_TOKEN + " from your environment (no sandbox)");
		}
		PostgresServer postgres = awaitPostgres();
		KafkaBroker.awaitReady(this.config, this.children, deadline);
		this.console.step("Kafka is UP on localhost:" + this.config.ports().kafka());

		// the gateway lets only admins reach a service's actuator
		String token = auth.writeAdminToken(this.config.adminTokenFile(), Instant.now());
		boolean withPrometheus = startPrometheus();
		Readiness readiness = new Readiness(this.console, this.children, deadline);
		List<Readiness.Target> viaGateway = new ArrayList<>();
		List<Readiness.Target> own = new ArrayList<>();
		for (ServiceSpec service : backEnds) {
			startService(java, service);
			own.add(new Readiness.Target(service.name(), service.health(), this.config.logFile(service.name())));
			viaGateway.add(new Readiness.Target(service.name() + " via gateway",
					service.healthThroughGateway(gateway.port()), this.config.logFile(gateway.name()), token));
		}
		sandbox.ifPresent((spec) -> own.add(new Readiness.Target(TelegramSandboxSpec.NAME, spec.health(),
				this.config.logFile(TelegramSandboxSpec.NAME))));
		readiness.await(own);
		startService(java, gateway);
		readiness.await(
				List.of(new Readiness.Target(gateway.name(), gateway.health(), this.config.logFile(gateway.name()))));
		readiness.await(viaGateway);
		if (withPrometheus) {
			PrometheusServer.awaitReady(this.config, this.children, deadline);
			this.console.step("Prometheus is UP   " + PrometheusServer.url(this.config));
		}

		Map<String, Long> pids = new LinkedHashMap<>();
		pids.put("launcher", ProcessHandle.current().pid());
		pids.put("postgres", postgres.pid());
		pids.put(KafkaBroker.NAME, kafka.pid());
		this.children.running()
			.stream()
			.filter((child) -> !child.name().equals(KafkaBroker.NAME))
			.forEach((child) -> pids.put(child.name(), child.pid()));
		return pids;
	}

	private void checkFree(int port, String variable, String server) {
		if (inUse(port)) {
			throw new StackFailure("port " + port + " for " + server + " is already in use; choose another with "
					+ variable + "=<port>", null);
		}
	}

	private static boolean inUse(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Starts Prometheus when there is one and its port is free; otherwise says why not
	 * and goes on: the stack does not need it.
	 */
	private boolean startPrometheus() throws IOException {
		PrometheusServer.Binary binary = this.config.prometheus();
		int port = this.config.ports().prometheus();
		if (binary.path().isEmpty()) {
			this.prometheus = "not started: " + binary.absence();
		}
		else if (inUse(port)) {
			this.prometheus = "not started: port " + port + " is already in use (a system Prometheus?); choose "
					+ "another with " + Ports.PROMETHEUS + "=<port>";
		}
		else {
			this.console.step("Prometheus: starting on localhost:" + port + " (" + binary.path().get() + ", scraping "
					+ "every " + PrometheusServer.SCRAPE_INTERVAL.toSeconds() + "s)");
			PrometheusServer.start(this.config, binary.path().get(), this.children);
			this.prometheus = PrometheusServer.url(this.config) + "   (alerts /alerts, targets /targets; config "
					+ PrometheusServer.configFile(this.config.dataDir()) + ")";
			return true;
		}
		this.console.step("Prometheus " + this.prometheus);
		return false;
	}

	/**
	 * The Telegram sandbox's URL, or what messaging-service talks to instead;
	 * {@code null} before the start.
	 */
	String telegram() {
		return this.telegram;
	}

	/** Prometheus' URL, or why it was not started; {@code null} before the start. */
	String prometheus() {
		return this.prometheus;
	}

	/** The PostgreSQL start, once it began; {@code null} before. */
	synchronized CompletableFuture<PostgresServer> postgres() {
		return this.postgres;
	}

	private synchronized void startPostgres() {
		if (this.children.isStopping()) {
			throw new Children.StackStopping();
		}
		this.console.step("PostgreSQL: starting on localhost:" + this.config.ports().postgres()
				+ (PostgresServer.isFresh(this.config) ? " (first start: initdb)" : ""));
		this.postgres = CompletableFuture.supplyAsync(() -> {
			try {
				return PostgresServer.start(this.config);
			}
			catch (IOException ex) {
				throw new CompletionException(ex);
			}
		});
	}

	private PostgresServer awaitPostgres() {
		while (!this.postgres.isDone()) {
			this.children.pause(Duration.ofMillis(100), "while starting");
		}
		PostgresServer server;
		try {
			server = this.postgres.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof StackFailure failure) ? failure
					: new StackFailure("PostgreSQL did not start: " + ex.getCause(), this.config.logFile("postgres"));
		}
		server.process()
			.ifPresent((process) -> this.children.watch("postgres", process, this.config.logFile("postgres")));
		this.console.step("PostgreSQL is UP on localhost:" + this.config.ports().postgres() + " (databases "
				+ String.join(", ", PostgresServer.DATABASES) + ")");
		return server;
	}

	private void startSandbox(JavaCommand java, TelegramSandboxSpec sandbox) throws IOException {
		this.console.step(TelegramSandboxSpec.NAME + ": starting on " + sandbox.url()
				+ " (a stand-in for the Telegram Bot API; no bot token needed)");
		this.children.start(TelegramSandboxSpec.NAME, sandbox.command(java), sandbox.environment(),
				this.config.dataDir(), this.config.logFile(TelegramSandboxSpec.NAME), true);
	}

	private void startService(JavaCommand java, ServiceSpec service) throws IOException {
		this.console.step(service.name() + ": starting on port " + service.port());
		this.children.start(service.name(),
				java.command(service.name(), List.of(), List.of("-jar", service.jar().toString())),
				service.environment(), this.config.dataDir(), this.config.logFile(service.name()), true);
	}

}
