package dev.coursehub.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * spring-kafka's KRaft broker (the real Kafka server code) running inside the test JVM.
 */
final class EmbeddedKafkaServer implements KafkaServer {

	private final EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	static EmbeddedKafkaServer start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		// no shutdown hook of ours: the broker's threads end with the JVM and Kafka's own
		// hook
		// deletes its temporary log directories (stopping it as well raced with that
		// deletion)
		broker.afterPropertiesSet();
		return new EmbeddedKafkaServer(broker);
	}

	@Override
	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public String origin() {
		return "embedded";
	}

}
