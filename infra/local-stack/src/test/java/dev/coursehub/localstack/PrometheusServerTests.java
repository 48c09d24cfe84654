package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrometheusServerTests {

	private static final Path REPO = StackConfig.findRepoRoot(Path.of(""));

	private static final Map<String, String> PORTS = Map.of("COURSEHUB_GATEWAY_PORT", "9180", "COURSEHUB_BOOKING_PORT",
			"9181", "COURSEHUB_ANALYTICS_PORT", "9182", "COURSEHUB_MESSAGING_PORT", "9183", "COURSEHUB_DATA_DIR",
			"/srv/it's here", "COURSEHUB_PROMETHEUS_PORT", "9190");

	@Test
	void scrapesTheJobsOfTheCheckedInConfigurationOnTheStacksPorts() throws IOException {
		StackConfig config = StackConfig.from(PORTS, REPO);
		Map<String, Object> generated = yaml(PrometheusServer.config(config));
		Map<String, Object> checkedIn = yaml(Files.readString(REPO.resolve("infra/prometheus/prometheus.yml")));

		assertThat(jobs(generated)).isEqualTo(jobs(checkedIn).stream()
			.map((job) -> job.replace(":8080", ":9180")
				.replace(":8081", ":9181")
				.replace(":8082", ":9182")
				.replace(":8083", ":9183"))
			.toList());
		assertThat(jobs(generated)).containsExactly(
				"coursehub-services /actuator/prometheus localhost:9181 {service=booking-service}",
				"coursehub-services /actuator/prometheus localhost:9182 {service=analytics-service}",
				"coursehub-services /actuator/prometheus localhost:9183 {service=messaging-service}",
				"coursehub-gateway /actuator/prometheus localhost:9180 {service=gateway}");
	}

	@Test
	void loadsTheAlertRulesAndSendsTheAdminTokenToTheGateway() {
		StackConfig config = StackConfig.from(PORTS, REPO);
		Map<String, Object> generated = yaml(PrometheusServer.config(config));

		assertThat(generated.get("rule_files"))
			.isEqualTo(List.of(REPO.resolve("infra/prometheus/rules/*.yml").toString()));
		Map<String, Object> gateway = list(generated.get("scrape_configs")).get(1);
		assertThat(gateway.get("authorization"))
			.isEqualTo(Map.of("type", "Bearer", "credentials_file", "/srv/it's here/admin-token"));
		assertThat(map(generated.get("global"))).containsEntry("scrape_interval", "5s")
			.containsEntry("evaluation_interval", "5s");
	}

	@Test
	void keepsItsDataInTheDataFolderAndListensOnItsPort() {
		StackConfig config = StackConfig.from(PORTS, REPO);
		List<String> command = PrometheusServer.command(config, Path.of("/usr/bin/prometheus"),
				Optional.of(Path.of("/usr/bin/setsid")));
		assertThat(command).containsExactly("/usr/bin/setsid", "/usr/bin/prometheus",
				"--config.file=/srv/it's here/prometheus/prometheus.yml",
				"--storage.tsdb.path=/srv/it's here/prometheus/data", "--web.listen-address=localhost:9190");
		assertThat(PrometheusServer.isChild(String.join(" ", command), config.dataDir())).isTrue();
		assertThat(PrometheusServer.isChild(String.join(" ", command), Path.of("/srv/other"))).isFalse();
	}

	@Test
	void portIs9090UnlessSet() {
		assertThat(StackConfig.from(Map.of(), REPO).ports().prometheus()).isEqualTo(9090);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackConfig.from(Map.of("COURSEHUB_PROMETHEUS_PORT", "8080"), REPO))
			.withMessage("COURSEHUB_GATEWAY_PORT and COURSEHUB_PROMETHEUS_PORT both use port 8080");
	}

	@Test
	void prometheusOnThePathIsStarted(@TempDir Path bin) throws IOException {
		Path binary = executable(bin.resolve("prometheus"));
		PrometheusServer.Binary found = PrometheusServer.locate(Map.of("PATH", "/nowhere:" + bin));
		assertThat(found.path()).contains(binary);
	}

	@Test
	void withoutPrometheusTheStackSaysWhyAndGoesOn() {
		PrometheusServer.Binary none = PrometheusServer.locate(Map.of("PATH", "/nowhere"));
		assertThat(none.path()).isEmpty();
		assertThat(none.absence()).isEqualTo("no prometheus on the PATH (Debian: apt-get install prometheus; "
				+ "or COURSEHUB_PROMETHEUS=<path to the binary>)");
		assertThat(PrometheusServer.locate(Map.of()).path()).isEmpty();
	}

	@Test
	void aSettingNamesTheBinaryOrTurnsItOff(@TempDir Path bin) throws IOException {
		Path binary = executable(bin.resolve("prometheus-2.53"));
		assertThat(PrometheusServer.locate(Map.of("COURSEHUB_PROMETHEUS", binary.toString())).path()).contains(binary);
		assertThat(PrometheusServer.locate(Map.of("COURSEHUB_PROMETHEUS", "prometheus-2.53", "PATH", bin.toString()))
			.path()).contains(binary);
		PrometheusServer.Binary off = PrometheusServer
			.locate(Map.of("COURSEHUB_PROMETHEUS", "off", "PATH", bin.toString()));
		assertThat(off.path()).isEmpty();
		assertThat(off.absence()).isEqualTo("turned off (COURSEHUB_PROMETHEUS=off)");
	}

	@Test
	void aSettingThatNamesNoBinaryIsRefused(@TempDir Path bin) throws IOException {
		Path notExecutable = Files.createFile(bin.resolve("prometheus"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PrometheusServer.locate(Map.of("COURSEHUB_PROMETHEUS", notExecutable.toString())))
			.withMessageStartingWith("COURSEHUB_PROMETHEUS names no executable: '" + notExecutable + "'");
	}

	private static Path executable(Path file) throws IOException {
		Files.createFile(file);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

	/** Each job as "name path target {labels}", one per target. */
	private static List<String> jobs(Map<String, Object> config) {
		List<String> jobs = new ArrayList<>();
		for (Map<String, Object> job : list(config.get("scrape_configs"))) {
			for (Map<String, Object> group : list(job.get("static_configs"))) {
				for (Object target : (List<?>) group.get("targets")) {
					jobs.add(job.get("job_name") + " " + job.get("metrics_path") + " " + target + " "
							+ group.get("labels"));
				}
			}
		}
		return jobs;
	}

	private static Map<String, Object> yaml(String text) {
		return new Yaml().load(text);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
