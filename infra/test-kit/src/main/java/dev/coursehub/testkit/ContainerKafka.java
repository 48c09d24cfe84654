package dev.coursehub.testkit;

import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka (KRaft) in a Testcontainers container, for machines with a Docker engine.
 */
final class ContainerKafka implements KafkaServer {

	static final String IMAGE = "apache/kafka:4.1.1";

	private final KafkaContainer container;

	private ContainerKafka(KafkaContainer container) {
		this.container = container;
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
	static ContainerKafka start() {
		KafkaContainer container = new KafkaContainer(IMAGE);
		container.start();
		return new ContainerKafka(container);
	}

	@Override
	public String bootstrapServers() {
		return this.container.getBootstrapServers();
	}

	@Override
	public String origin() {
		return "testcontainers";
	}

}
