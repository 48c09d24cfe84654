package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogFilesTests {

	@TempDir
	Path logs;

	@Test
	void previousRunsLogIsKeptAside() throws IOException {
		Path log = this.logs.resolve("gateway.log");
		Files.writeString(log, "first run\n");
		LogFiles.rotate(log);
		assertThat(log).doesNotExist();
		assertThat(this.logs.resolve("gateway.log.1")).hasContent("first run");
		Files.writeString(log, "second run\n");
		LogFiles.rotate(log);
		assertThat(this.logs.resolve("gateway.log.1")).hasContent("second run");
	}

	@Test
	void rotatingCreatesTheFolder() {
		LogFiles.rotate(this.logs.resolve("new/kafka.log"));
		assertThat(this.logs.resolve("new")).isDirectory();
	}

	@Test
	void tailIsTheLastLines() throws IOException {
		Path log = this.logs.resolve("booking-service.log");
		Files.writeString(log, lines(1, 30));
		assertThat(LogFiles.tail(log, 3)).containsExactly("line 28", "line 29", "line 30");
		assertThat(LogFiles.tail(log, 50)).hasSize(30).startsWith("line 1");
	}

	@Test
	void tailOfALongLogSkipsTheCutLine() throws IOException {
		Path log = this.logs.resolve("kafka.log");
		Files.writeString(log, lines(1, 20_000));
		assertThat(LogFiles.tail(log, 2)).containsExactly("line 19999", "line 20000");
		assertThat(LogFiles.tail(log, 100_000)).allMatch((line) -> line.matches("line \\d+"));
	}

	@Test
	void noLogNoTail() {
		assertThat(LogFiles.tail(this.logs.resolve("missing.log"), 20)).isEmpty();
	}

	private static String lines(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj((i) -> "line " + i + "\n").collect(Collectors.joining());
	}

}
