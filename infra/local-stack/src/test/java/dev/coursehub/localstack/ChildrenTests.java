package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChildrenTests {

	@TempDir
	Path dir;

	@Test
	void watchedChildThatExitsIsACrashWithItsExitCodeAndLog() throws Exception {
		Children children = new Children(this.dir.resolve("run"));
		Path log = this.dir.resolve("logs/broken.log");
		ChildProcess child = children.start("broken",
				List.of("sh", "-c", "echo starting; echo port in use >&2; exit 3"), Map.of(), this.dir, log, true);
		assertThat(this.dir.resolve("run/broken.pid")).hasContent(child.pid() + "\n");
		Crash crash = children.crash().get(10, TimeUnit.SECONDS);
		assertThat(crash).isEqualTo(new Crash("broken", "exit code 3", log));
		assertThat(LogFiles.tail(log, 20)).containsExactly("starting", "port in use");
		assertThatExceptionOfType(StackFailure.class)
			.isThrownBy(() -> children.pause(Duration.ofSeconds(1), "while starting"))
			.withMessage("broken exited while starting: exit code 3");
	}

	@Test
	void childrenEndingWhileStoppingAreNoCrash() throws IOException {
		Children children = new Children(this.dir.resolve("run"));
		children.start("sleeper", List.of("sleep", "300"), Map.of(), this.dir, this.dir.resolve("sleeper.log"), true);
		children.beginStopping();
		assertThat(children.stop(List.of("sleeper"), Duration.ofSeconds(10))).isEmpty();
		assertThat(children.running()).isEmpty();
		assertThat(children.crash()).isNotDone();
		assertThat(this.dir.resolve("run/sleeper.pid")).doesNotExist();
	}

	@Test
	void childIgnoringSigtermIsKilledAfterTheGracePeriod() throws IOException {
		Children children = new Children(this.dir.resolve("run"));
		ChildProcess stubborn = children.start("stubborn", List.of("sh", "-c", "trap '' TERM; sleep 300 & wait"),
				Map.of(), this.dir, this.dir.resolve("stubborn.log"), false);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> stubborn.process().descendants().findAny().isPresent());
		List<ProcessHandle> grandchildren = stubborn.process().descendants().toList();
		children.beginStopping();
		assertThat(children.stop(List.of("stubborn"), Duration.ofMillis(500))).containsExactly("stubborn");
		assertThat(stubborn.isAlive()).isFalse();
		assertThat(grandchildren).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void nothingStartsOnceStopping() {
		Children children = new Children(this.dir.resolve("run"));
		children.beginStopping();
		assertThatExceptionOfType(Children.StackStopping.class).isThrownBy(
				() -> children.start("late", List.of("true"), Map.of(), this.dir, this.dir.resolve("late.log"), true));
	}

	@Test
	void exitBySignalIsNamed() {
		assertThat(ChildProcess.describeExit(1)).isEqualTo("exit code 1");
		assertThat(ChildProcess.describeExit(137)).isEqualTo("exit code 137 (signal 9)");
		assertThat(ChildProcess.describeExit(143)).isEqualTo("exit code 143 (signal 15)");
	}

	@Test
	void pidFilesFolderIsCreated() throws IOException {
		Children children = new Children(this.dir.resolve("deeper/run"));
		ChildProcess child = children.start("quick", List.of("true"), Map.of(), this.dir, this.dir.resolve("q.log"),
				false);
		assertThat(Files.readString(this.dir.resolve("deeper/run/quick.pid")).trim())
			.isEqualTo(String.valueOf(child.pid()));
	}

}
