package dev.coursehub.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker of its own, reached only through a {@link TcpProxy}, so a test can take
 * Kafka away from its clients and give it back with its data intact. The broker
 * advertises the proxy's address, so clients never bypass it.
 */
public final class InterruptibleKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private final TcpProxy proxy;

	private InterruptibleKafka(EmbeddedKafkaKraftBroker broker, TcpProxy proxy) {
		this.broker = broker;
		this.proxy = proxy;
	}

	public static InterruptibleKafka start(String... topics) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, topics);
		TcpProxy proxy = new TcpProxy(() -> broker.getBrokersAsString().split(",")[0]);
		broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + proxy.port());
		broker.afterPropertiesSet();
		return new InterruptibleKafka(broker, proxy);
	}

	/** Where clients connect: the proxy. */
	public String bootstrapServers() {
		return "localhost:" + this.proxy.port();
	}

	/** Kafka becomes unreachable: open connections drop, new ones are refused. */
	public void cut() {
		this.proxy.cut();
	}

	/** Kafka is reachable again, with everything it had. */
	public void restore() {
		this.proxy.restore();
	}

	@Override
	public void close() {
		this.proxy.close();
		this.broker.destroy();
	}

}
