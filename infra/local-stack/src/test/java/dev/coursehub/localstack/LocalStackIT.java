package dev.coursehub.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real launcher jar, as {@code run.sh} does, against the packaged services:
 * start, use (a broadcast delivered to the Telegram sandbox), stop, start again on the
 * same data, stop; and a service that cannot start.
 */
class LocalStackIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Telegram ids of the broadcast's recipients; the last one blocked the bot. */
	private static final long[] USERS = { 710001, 710002, 710003 };

	private final List<LauncherProcess> launches = new ArrayList<>();

	@TempDir
	Path dir;

	@Test
	void startsTheWholePlatformKeepsItsDataAndLeavesNothingBehind() throws Exception {
		// CI installs it (infra/test-all.sh); without it this test would check less,
		// silently
		assertThat(JavaCommand.onPath("prometheus", System.getenv("PATH")))
			.as("prometheus is not installed: the local stack's metrics test needs Debian's prometheus package "
					+ "(apt-get install prometheus; infra/test-all.sh installs it)")
			.isPresent();
		Map<String, Integer> ports = LauncherProcess.freePorts();
		LauncherProcess first = launch(ports, "first.out");
		first.awaitReady();
		// a service's actuator is for admins only; the launcher writes a token for them
		String token = Files.readString(this.dir.resolve("data/admin-token")).trim();
		for (String route : List.of("booking", "analytics", "messaging")) {
			assertUp("http://localhost:" + ports.get("gateway") + "/api/" + route + "/actuator/health", token);
		}
		assertUp("http://localhost:" + ports.get("gateway") + "/actuator/health", null);
		broadcastIsDeliveredToTheSandboxWithNoBotToken(ports, token);
		try (Connection connection = booking(ports); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE local_stack_it (id int PRIMARY KEY, note text)");
			statement.execute("INSERT INTO local_stack_it VALUES (1, 'kept across restarts')");
		}
		assertThat(topics(ports)).contains("booking.events");
		prometheusSeesWhatTheDashboardsAndAlertsAskFor(ports);
		first.stopAndAssertNothingLeft(ports);

		LauncherProcess second = launch(ports, "second.out");
		second.awaitReady();
		try (Connection connection = booking(ports);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT note FROM local_stack_it WHERE id = 1")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString("note")).isEqualTo("kept across restarts");
		}
		assertThat(topics(ports)).contains("booking.events");
		assertThat(second.output()).doesNotContain("first start");
		second.stopAndAssertNothingLeft(ports);
	}

	@Test
	void aServiceThatCannotStartIsReportedAndEverythingIsStopped() throws Exception {
		Map<String, Integer> ports = LauncherProcess.freePorts();
		try (ServerSocket taken = new ServerSocket(ports.get("booking"))) {
			LauncherProcess launch = launch(ports, "crash.out");
			Set<ProcessHandle> started = launch.awaitExit();
			assertThat(launch.exitValue()).isNotZero();
			assertThat(launch.output()).contains("FAILED: booking-service exited while starting: exit code 1")
				.contains("last 20 lines of " + this.dir.resolve("data/logs/booking-service.log"))
				.contains("stopping the services", "stopping Kafka", "stopping PostgreSQL");
			assertThat(started).isNotEmpty().noneMatch(ProcessHandle::isAlive);
			LauncherProcess.assertClosed(ports.get("postgres"), ports.get("kafka"), ports.get("analytics"),
					ports.get("messaging"), ports.get("telegram-sandbox"));
		}
	}

	/**
	 * A newcomer's first broadcast: bookings make three recipients, one of whom blocked
	 * the bot ({@code TELEGRAM_SANDBOX_BLOCKED_USERS} reaches the sandbox from the
	 * launcher's environment); the broadcast completes and the sandbox received it.
	 */
	private void broadcastIsDeliveredToTheSandboxWithNoBotToken(Map<String, Integer> ports, String token)
			throws Exception {
		GatewayAdmin admin = new GatewayAdmin(ports.get("gateway"), token);
		long course = GatewayAdmin.id(admin.post("/api/booking/courses", "{\"title\":\"Local stack\"}", 201));
		admin.post("/api/booking/courses/" + course + "/streams", "{\"code\":\"first\",\"name\":\"First\"}", 201);
		for (long user : USERS) {
			admin.post("/api/booking/bookings",
					"{\"userId\":" + user + ",\"courseId\":" + course + ",\"stream\":\"first\"}", 201);
		}
		String target = "{\"kind\":\"users\",\"userIds\":[" + USERS[0] + "," + USERS[1] + "," + USERS[2] + "]}";
		// messaging-service learns its recipients from booking-service's events
		Awaitility.await("messaging-service knows the three recipients")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> admin.post("/api/messaging/broadcasts/preview", target, 200).contains("\"recipients\":3"));
		long broadcast = GatewayAdmin.id(admin.post("/api/messaging/broadcasts",
				"{\"text\":\"Welcome to CourseHub\",\"target\":" + target + "}", 201));
		Awaitility.await("the broadcast completes")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> admin.get("/api/messaging/broadcasts/" + broadcast).contains("\"state\":\"completed\""));
		assertThat(admin.get("/api/messaging/broadcasts/" + broadcast)).contains("\"sent\":2", "\"failed\":1");
		HttpResponse<String> received = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + ports.get("telegram-sandbox") + "/sandbox/received"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(received.body()).isEqualTo("{\"" + USERS[0] + "\":[\"Welcome to CourseHub\"],\"" + USERS[1]
				+ "\":[\"Welcome to CourseHub\"],\"" + USERS[2] + "\":[\"Welcome to CourseHub\"]}");
	}

	/**
	 * The launcher's Prometheus scrapes every service; after traffic that touches every
	 * area, every dashboard panel's query and every alert expression answers
	 * ({@link MonitoringQueries} says what that means for an alert that is false).
	 */
	private void prometheusSeesWhatTheDashboardsAndAlertsAskFor(Map<String, Integer> ports) throws Exception {
		assertThat(this.launches.get(0).output())
			.contains("Prometheus is UP   http://localhost:" + ports.get("prometheus"));
		MonitoringQueries monitoring = new MonitoringQueries(new PrometheusApi(ports.get("prometheus")));
		monitoring.awaitEveryTargetUp();
		new Traffic(ports.get("gateway"), this.dir.resolve("data")).touchEveryArea();
		monitoring.awaitEveryQueryAnswered();
	}

	@AfterEach
	void killWhatIsLeft(TestInfo test) throws IOException {
		this.launches.forEach(LauncherProcess::kill);
		keepLogs(test.getTestMethod().orElseThrow().getName());
	}

	/**
	 * The processes' logs next to the launchers' output in
	 * {@code target/local-stack-it/}, as the temporary data folder goes with the test: a
	 * CI failure can then be read.
	 */
	private void keepLogs(String testName) throws IOException {
		Path logs = this.dir.resolve("data/logs");
		if (!Files.isDirectory(logs)) {
			return;
		}
		Path kept = Files.createDirectories(Path.of("target/local-stack-it", testName));
		try (Stream<Path> files = Files.list(logs)) {
			for (Path log : files.toList()) {
				Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private LauncherProcess launch(Map<String, Integer> ports, String outputName) throws IOException {
		LauncherProcess launch = LauncherProcess.start(this.dir.resolve("data"), ports, outputName,
				Map.of("TELEGRAM_SANDBOX_BLOCKED_USERS", String.valueOf(USERS[2])));
		this.launches.add(launch);
		return launch;
	}

	private void assertUp(String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		assertThat(response.body()).as(url).contains("\"status\":\"UP\"");
	}

	private static Connection booking(Map<String, Integer> ports) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.get("postgres") + "/booking",
				"postgres", "postgres");
	}

	private static Set<String> topics(Map<String, Integer> ports) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + ports.get("kafka")))) {
			return admin.listTopics().names().get(30, TimeUnit.SECONDS);
		}
	}

}
