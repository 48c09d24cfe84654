package dev.coursehub.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RealServersIT {

	@Test
	void postgresIsARealPostgresServer() throws SQLException {
		TestDatabase database = TestDatabase.create("kit");
		try (Connection connection = open(database); Statement statement = connection.createStatement()) {
			// jsonb operators, generate_series and a trigram-capable extension exist only
			// in PostgreSQL
			ResultSet rows = statement.executeQuery("""
					SELECT ('{"seats": 12}'::jsonb ->> 'seats')::int AS seats,
					       (SELECT count(*) FROM generate_series(1, 5)) AS series,
					       current_setting('server_version_num')::int AS version
					""");
			rows.next();
			assertThat(rows.getInt("seats")).isEqualTo(12);
			assertThat(rows.getInt("series")).isEqualTo(5);
			assertThat(rows.getInt("version")).isGreaterThanOrEqualTo(160000);
			statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
		}
	}

	@Test
	void everyDatabaseIsSeparate() throws SQLException {
		TestDatabase first = TestDatabase.create("kit");
		TestDatabase second = TestDatabase.create("kit");
		assertThat(first.name()).isNotEqualTo(second.name());
		try (Connection connection = open(first); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE only_here (id int)");
		}
		try (Connection connection = open(second); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("SELECT * FROM only_here"))
				.withMessageContaining("does not exist");
		}
	}

	@Test
	void serversAreSharedByTheWholeJvm() {
		assertThat(TestServers.postgres()).isSameAs(TestServers.postgres());
		assertThat(TestServers.kafka()).isSameAs(TestServers.kafka());
	}

	@Test
	void kafkaIsARealBroker() {
		String topic = "kit-roundtrip-" + UUID.randomUUID();
		String bootstrap = TestServers.kafka().bootstrapServers();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get();
		}
		catch (Exception ex) {
			throw new AssertionError("produce failed", ex);
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"kit-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.isEmpty() && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
			}
			assertThat(received).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("key-1");
				assertThat(record.value()).isEqualTo("hello");
			});
		}
	}

	private static Connection open(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

}
