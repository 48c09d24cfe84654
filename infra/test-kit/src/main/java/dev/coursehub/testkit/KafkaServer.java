package dev.coursehub.testkit;

/**
 * A real Kafka broker shared by every test of one JVM.
 *
 * @see TestServers#kafka()
 */
public interface KafkaServer {

	String bootstrapServers();

	/**
	 * Where the broker comes from: {@code embedded}, {@code testcontainers} or
	 * {@code external}.
	 */
	String origin();

}
