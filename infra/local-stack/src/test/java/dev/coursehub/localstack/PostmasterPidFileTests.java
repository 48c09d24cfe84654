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

class PostmasterPidFileTests {

	@TempDir
	Path dataDir;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final Console console = new Console(Instant.now(), new PrintStream(this.output, true), System.err);

	@Test
	void pidIsTheFirstLine() {
		assertThat(PostmasterPidFile.parsePid("4242\n/data/postgres\n1763790000\n15432\n")).hasValue(4242);
		assertThat(PostmasterPidFile.parsePid("")).isEmpty();
		assertThat(PostmasterPidFile.parsePid("garbage\n")).isEmpty();
	}

	@Test
	void serverIsRecognisedByItsDataDirectory() {
		Path dir = Path.of("/data/postgres");
		assertThat(PostmasterPidFile
			.isServerFor("/tmp/embedded-pg/PG-1/bin/postgres -D /data/postgres -p 15432 -F -c timezone=UTC ", dir))
			.isTrue();
		assertThat(PostmasterPidFile.isServerFor("/usr/lib/postgresql/16/bin/postgres -D /var/lib/pg ", dir)).isFalse();
		assertThat(PostmasterPidFile.isServerFor("/bin/sleep -D /data/postgres 100 ", dir)).isFalse();
	}

	@Test
	void pidFileOfAServerThatIsGoneIsRemoved() throws IOException, InterruptedException {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Files.writeString(this.dataDir.resolve("postmaster.pid"), gone.pid() + "\n" + this.dataDir + "\n");
		PostmasterPidFile pidFile = new PostmasterPidFile(this.dataDir);
		assertThat(pidFile.runningServer()).isEmpty();
		pidFile.clear(this.console);
		assertThat(this.dataDir.resolve("postmaster.pid")).doesNotExist();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("removing stale postmaster.pid");
	}

	@Test
	void pidFileNamingAnotherProgramIsRemovedAndThatProgramLeftAlone() throws IOException {
		long self = ProcessHandle.current().pid();
		Files.writeString(this.dataDir.resolve("postmaster.pid"), self + "\n" + this.dataDir + "\n");
		new PostmasterPidFile(this.dataDir).clear(this.console);
		assertThat(this.dataDir.resolve("postmaster.pid")).doesNotExist();
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}

	@Test
	void serverLeftRunningOnThisDataDirectoryIsStopped() throws IOException {
		// stands in for a postmaster: <dir>/bin/postgres ... -D <data dir>
		Path fake = Files.createDirectories(this.dataDir.resolve("bin")).resolve("postgres");
		Files.copy(JavaCommand.onPath("bash", System.getenv("PATH")).orElseThrow(), fake);
		fake.toFile().setExecutable(true);
		Process server = new ProcessBuilder(fake.toString(), "-c", "sleep 300; true", "-D", this.dataDir.toString())
			.start();
		List<ProcessHandle> sleeps = new ArrayList<>();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.descendants().findAny().isPresent());
			server.descendants().forEach(sleeps::add);
			Files.writeString(this.dataDir.resolve("postmaster.pid"), server.pid() + "\n" + this.dataDir + "\n");
			new PostmasterPidFile(this.dataDir).clear(this.console);
			assertThat(server.isAlive()).isFalse();
			assertThat(this.dataDir.resolve("postmaster.pid")).doesNotExist();
			assertThat(this.output.toString(StandardCharsets.UTF_8))
				.contains("stopping PostgreSQL (pid " + server.pid() + ") left running by a previous run");
		}
		finally {
			server.descendants().forEach(ProcessHandle::destroyForcibly);
			sleeps.forEach(ProcessHandle::destroyForcibly);
			server.destroyForcibly();
		}
	}

	@Test
	void noPidFileNothingToDo() throws IOException {
		new PostmasterPidFile(this.dataDir).clear(this.console);
		assertThat(this.output.size()).isZero();
	}

}
