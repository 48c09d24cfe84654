package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTests {

	private static final Path JAVA = Path.of("/jdk/bin/java");

	@Test
	void childRunsInASessionOfItsOwnWhenSetsidIsThere() {
		JavaCommand java = new JavaCommand(JAVA, List.of("-Xmx384m"), Optional.of(Path.of("/usr/bin/setsid")));
		assertThat(java.command("gateway", List.of(), List.of("-jar", "/repo/gateway/target/gateway.jar")))
			.containsExactly("/usr/bin/setsid", "/jdk/bin/java", "-Xmx384m", "-Dcoursehub.local-stack=gateway", "-jar",
					"/repo/gateway/target/gateway.jar");
	}

	@Test
	void withoutSetsidTheJvmIsStartedDirectly() {
		JavaCommand java = new JavaCommand(JAVA, List.of(), Optional.empty());
		assertThat(java.command("kafka", List.of("-cp", "a.jar"), List.of("kafka.Kafka", "server.properties")))
			.containsExactly("/jdk/bin/java", "-Dcoursehub.local-stack=kafka", "-cp", "a.jar", "kafka.Kafka",
					"server.properties");
	}

	@Test
	void childIsRecognisedByItsMarker() {
		assertThat(JavaCommand.isChild("/jdk/bin/java -Xmx384m -Dcoursehub.local-stack=kafka -cp x kafka.Kafka p",
				"kafka"))
			.isTrue();
		assertThat(JavaCommand.isChild("/jdk/bin/java -Dcoursehub.local-stack=kafka-storage -cp x", "kafka")).isFalse();
		assertThat(JavaCommand.isChild("/jdk/bin/java -jar other.jar", "kafka")).isFalse();
	}

	@Test
	void commandsAreFoundOnThePath(@TempDir Path dir) throws IOException {
		Path tool = Files.createFile(dir.resolve("tool"));
		assertThat(JavaCommand.onPath("tool", "/nowhere:" + dir)).isEmpty();
		Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(JavaCommand.onPath("tool", "/nowhere:" + dir)).contains(tool);
		assertThat(JavaCommand.onPath("tool", null)).isEmpty();
	}

}
