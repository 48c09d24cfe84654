package dev.coursehub.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker's {@code server.properties} and log4j2 configuration, rewritten on every
 * start.
 */
final class KafkaFiles {

	private KafkaFiles() {
	}

	/**
	 * A single KRaft node that is broker and controller at once. The quorum is static
	 * ({@code controller.quorum.voters}): it is taken from this file on every start
	 * rather than stored at format time, so a changed controller port keeps working on an
	 * existing data folder.
	 */
	static Map<String, String> serverProperties(Ports ports, Path logDir) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@localhost:" + ports.kafkaController());
		properties.put("listeners",
				"PLAINTEXT://localhost:" + ports.kafka() + ",CONTROLLER://localhost:" + ports.kafkaController());
		properties.put("advertised.listeners", "PLAINTEXT://localhost:" + ports.kafka());
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("log.dirs", logDir.toString());
		properties.put("auto.create.topics.enable", "true");
		properties.put("num.partitions", "1");
		properties.put("default.replication.factor", "1");
		properties.put("min.insync.replicas", "1");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "10");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("transaction.state.log.num.partitions", "10");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.network.threads", "2");
		properties.put("num.io.threads", "4");
		return properties;
	}

	static String render(Map<String, String> properties) {
		StringBuilder text = new StringBuilder(
				"# Written by the CourseHub local stack on every start: change KafkaFiles, not this file\n");
		properties
			.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
		return text.toString();
	}

	/**
	 * Everything the broker logs goes to one file in the logs folder ({@code $$} keeps a
	 * dollar in the path from being read as a lookup).
	 */
	static String log4j2(Path logFile) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<!-- Written by the CourseHub local stack on every start -->
				<Configuration status="warn">
					<Appenders>
						<File name="file" fileName="%s" append="true">
							<PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/>
						</File>
					</Appenders>
					<Loggers>
						<Logger name="kafka.request.logger" level="warn"/>
						<Logger name="state.change.logger" level="warn"/>
						<Root level="info">
							<AppenderRef ref="file"/>
						</Root>
					</Loggers>
				</Configuration>
				""".formatted(xmlEscape(logFile.toString()).replace("$", "$$"));
	}

	static String xmlEscape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
