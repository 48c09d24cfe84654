package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackConfigTests {

	private static final Path ROOT = Path.of("/work/coursehub");

	@Test
	void dataLivesInTheCheckoutByDefault() {
		StackConfig config = StackConfig.from(Map.of(), ROOT);
		assertThat(config.dataDir()).isEqualTo(ROOT.resolve(".local-stack"));
		assertThat(config.logFile("kafka")).isEqualTo(ROOT.resolve(".local-stack/logs/kafka.log"));
		assertThat(config.postgresDir()).isEqualTo(ROOT.resolve(".local-stack/postgres"));
		assertThat(config.kafkaDir()).isEqualTo(ROOT.resolve(".local-stack/kafka"));
		assertThat(config.runDir()).isEqualTo(ROOT.resolve(".local-stack/run"));
	}

	@Test
	void dataFolderCanBeMoved() {
		assertThat(StackConfig.from(Map.of("COURSEHUB_DATA_DIR", "/srv/stack/"), ROOT).dataDir())
			.isEqualTo(Path.of("/srv/stack"));
		assertThat(StackConfig.from(Map.of("COURSEHUB_DATA_DIR", "stack"), ROOT).dataDir())
			.isEqualTo(Path.of("stack").toAbsolutePath());
	}

	@Test
	void childJvmsAreSmallByDefault() {
		assertThat(StackConfig.from(Map.of(), ROOT).javaOptions()).containsExactly("-Xmx384m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1");
	}

	@Test
	void javaOptionsReplaceTheDefaults() {
		assertThat(StackConfig.from(Map.of("COURSEHUB_JAVA_OPTS", "  -Xmx1g   -XX:+UseG1GC "), ROOT).javaOptions())
			.containsExactly("-Xmx1g", "-XX:+UseG1GC");
	}

	@Test
	void startTimeoutIsInSeconds() {
		assertThat(StackConfig.from(Map.of(), ROOT).startTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(StackConfig.from(Map.of("COURSEHUB_START_TIMEOUT", "90"), ROOT).startTimeout())
			.isEqualTo(Duration.ofSeconds(90));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackConfig.from(Map.of("COURSEHUB_START_TIMEOUT", "5m"), ROOT))
			.withMessage("COURSEHUB_START_TIMEOUT must be a number of seconds, not '5m'");
	}

	@Test
	void portsAreReadToo() {
		assertThat(StackConfig.from(Map.of("COURSEHUB_POSTGRES_PORT", "25432"), ROOT).ports().postgres())
			.isEqualTo(25432);
	}

	@Test
	void repoRootIsTheCheckoutAboveTheLauncher(@TempDir Path checkout) throws IOException {
		Files.createFile(checkout.resolve("mvnw"));
		Path target = Files.createDirectories(checkout.resolve("infra/local-stack/target"));
		Path jar = Files.createFile(target.resolve("coursehub-local-stack.jar"));
		assertThat(StackConfig.findRepoRoot(jar)).isEqualTo(checkout);
		assertThat(StackConfig.findRepoRoot(target.resolve("classes"))).isEqualTo(checkout);
	}

	@Test
	void noCheckoutNoRoot(@TempDir Path elsewhere) {
		assertThatIllegalArgumentException().isThrownBy(() -> StackConfig.findRepoRoot(elsewhere))
			.withMessageStartingWith("No CourseHub checkout found above");
	}

}
