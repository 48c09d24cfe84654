package dev.coursehub.localstack;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.apache.kafka.server.ProcessRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class KafkaFilesTests {

	private final Ports ports = Ports
		.from(Map.of("COURSEHUB_KAFKA_PORT", "29092", "COURSEHUB_KAFKA_CONTROLLER_PORT", "29093"));

	@Test
	void oneNodeIsBrokerAndControllerOnTheConfiguredPorts() {
		Map<String, String> properties = KafkaFiles.serverProperties(this.ports, Path.of("/data/kafka/data"));
		assertThat(properties).contains(entry("process.roles", "broker,controller"), entry("node.id", "1"),
				entry("controller.quorum.voters", "1@localhost:29093"),
				entry("listeners", "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093"),
				entry("advertised.listeners", "PLAINTEXT://localhost:29092"), entry("log.dirs", "/data/kafka/data"),
				entry("auto.create.topics.enable", "true"));
		assertThat(properties).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("default.replication.factor", "1");
	}

	@Test
	void kafkaAcceptsTheRenderedFile() throws IOException {
		String text = KafkaFiles.render(KafkaFiles.serverProperties(this.ports, Path.of("/data/kafka/data")));
		Properties properties = new Properties();
		properties.load(new StringReader(text));
		KafkaConfig config = KafkaConfig.fromProps(properties, false);
		assertThat(config.processRoles().contains(ProcessRole.BrokerRole)).isTrue();
		assertThat(config.processRoles().contains(ProcessRole.ControllerRole)).isTrue();
		assertThat(config.nodeId()).isEqualTo(1);
		assertThat(config.metadataLogDir()).isEqualTo("/data/kafka/data");
		assertThat(config.autoCreateTopicsEnable()).isTrue();
	}

	@Test
	void backslashesSurviveLoading() throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(KafkaFiles.render(Map.of("log.dirs", "C:\\data\\kafka"))));
		assertThat(properties.getProperty("log.dirs")).isEqualTo("C:\\data\\kafka");
	}

	@Test
	void brokerLogsGoToOneFileInTheLogsFolder() {
		String xml = KafkaFiles.log4j2(Path.of("/data/logs/kafka.log"));
		assertThat(xml).contains("<File name=\"file\" fileName=\"/data/logs/kafka.log\" append=\"true\">")
			.contains("pattern=\"[%d] %p %m (%c)%n\"")
			.contains("<Root level=\"info\">");
	}

	@Test
	void oddPathsStayLiteral() {
		String xml = KafkaFiles.log4j2(Path.of("/data/R&D \"stack\"/${x}/kafka.log"));
		assertThat(xml).contains("fileName=\"/data/R&amp;D &quot;stack&quot;/$${x}/kafka.log\"");
	}

}
