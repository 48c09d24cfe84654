package dev.coursehub.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LeftoversTests {

	@TempDir
	Path runDir;

	private final List<ProcessHandle> sleeps = new ArrayList<>();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Console console = new Console(Instant.now(), new PrintStream(this.output, true), System.err);

	@Test
	void childrenOfAKilledLauncherAreStoppedServicesBeforeKafka() throws IOException {
		Process kafka = leftover("kafka");
		Process booking = leftover("booking-service");
		try {
			Leftovers.stopChildren(this.runDir, this.console);
			assertThat(kafka.isAlive()).isFalse();
			assertThat(booking.isAlive()).isFalse();
			assertThat(this.output.toString(StandardCharsets.UTF_8)).containsSubsequence(
					"stopping booking-service (pid " + booking.pid() + ") left running by a previous run",
					"stopping kafka (pid " + kafka.pid() + ") left running by a previous run");
			assertThat(this.runDir).isEmptyDirectory();
		}
		finally {
			kafka.destroyForcibly();
			booking.destroyForcibly();
			this.sleeps.forEach(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void prometheusOfAKilledLauncherIsStoppedButNotAnotherStacks() throws IOException {
		Path dataDir = this.runDir.getParent();
		Process ours = leftover(PrometheusServer.NAME, "--config.file=" + PrometheusServer.configFile(dataDir));
		Process another = new ProcessBuilder("sh", "-c", "sleep 300; true",
				"--config.file=" + PrometheusServer.configFile(dataDir.resolve("other")))
			.start();
		try {
			Leftovers.stopChildren(this.runDir, this.console);
			assertThat(ours.isAlive()).isFalse();
			assertThat(this.output.toString(StandardCharsets.UTF_8))
				.contains("stopping prometheus (pid " + ours.pid() + ") left running by a previous run");
			Files.writeString(this.runDir.resolve("prometheus.pid"), another.pid() + "\n");
			Leftovers.stopChildren(this.runDir, this.console);
			assertThat(another.isAlive()).isTrue();
		}
		finally {
			ours.destroyForcibly();
			another.descendants().forEach(ProcessHandle::destroyForcibly);
			another.destroyForcibly();
			this.sleeps.forEach(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void processThatIsNotOurChildIsLeftAlone() throws IOException {
		// after a reboot the recorded pid may belong to anything
		Files.writeString(this.runDir.resolve("gateway.pid"), ProcessHandle.current().pid() + "\n");
		Files.writeString(this.runDir.resolve("kafka.pid"), "not a pid\n");
		Leftovers.stopChildren(this.runDir, this.console);
		assertThat(this.output.size()).isZero();
		assertThat(this.runDir).isEmptyDirectory();
	}

	@Test
	void noRunFolderNothingToDo() throws IOException {
		Leftovers.stopChildren(this.runDir.resolve("missing"), this.console);
		assertThat(this.output.size()).isZero();
	}

	/** A process whose command line carries the launcher's marker for {@code name}. */
	private Process leftover(String name) throws IOException {
		return leftover(name, JavaCommand.MARKER + name);
	}

	/** A process whose command line ends with {@code marker}. */
	private Process leftover(String name, String marker) throws IOException {
		Process process = new ProcessBuilder("sh", "-c", "sleep 300; true", marker).start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> process.descendants().findAny().isPresent());
		process.descendants().forEach(this.sleeps::add);
		Files.writeString(this.runDir.resolve(name + ".pid"), process.pid() + "\n");
		return process;
	}

}
