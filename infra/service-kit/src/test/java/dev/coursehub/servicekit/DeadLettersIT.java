package dev.coursehub.servicekit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.coursehub.testkit.TestServers;
import dev.coursehub.testkit.UsesKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "spring.kafka.consumer.auto-offset-reset=earliest",
		"spring.kafka.consumer.group-id=dead-letters-it",
		"spring.kafka.consumer.value-deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
		"spring.kafka.consumer.properties.spring.deserializer.value.delegate.class=org.springframework.kafka.support.serializer.JacksonJsonDeserializer",
		"spring.kafka.consumer.properties.spring.json.value.default.type=dev.coursehub.servicekit.DeadLettersIT$Ping",
		"spring.kafka.consumer.properties.spring.json.use.type.headers=false",
		"spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer" })
@UsesKafka
class DeadLettersIT {

	static final String TOPIC = "kit.pings";

	@Autowired
	KafkaTemplate<String, byte[]> template;

	@Autowired
	Pings pings;

	@Autowired
	MeterRegistry registry;

	@Test
	void unreadableRecordIsDeadLetteredWithItsBytesAndDoesNotBlockThePartition() throws Exception {
		String key = UUID.randomUUID().toString();
		this.template.send(TOPIC, key, "{not json".getBytes(StandardCharsets.UTF_8)).get();
		this.template.send(TOPIC, key, "{\"name\":\"after-poison\"}".getBytes(StandardCharsets.UTF_8)).get();

		ConsumerRecord<String, byte[]> dead = deadLetterWithKey(key);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
		assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.pings.received.contains("after-poison"));
		assertThat(deadLetters(DeadLetterCounter.UNREADABLE)).isGreaterThanOrEqualTo(1);
	}

	@Test
	void rejectedRecordIsDeadLetteredAtOnceWithTheReason() throws Exception {
		String key = UUID.randomUUID().toString();
		this.template.send(TOPIC, key, "{\"name\":\"reject-me\"}".getBytes(StandardCharsets.UTF_8)).get();

		ConsumerRecord<String, byte[]> dead = deadLetterWithKey(key);
		assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("pings named reject-me are refused");
		assertThat(this.pings.attempts("reject-me")).isEqualTo(1);
		assertThat(deadLetters(DeadLetterCounter.REJECTED)).isGreaterThanOrEqualTo(1);
	}

	@Test
	void everyConsumedTopicHasItsDeadLetterCountersFromTheStart() {
		// nothing here fails for good after retries: the counter exists all the same
		assertThat(deadLetters(DeadLetterCounter.FAILED)).isZero();
		assertThat(this.registry.get("coursehub.kafka.dead.letters").tag("topic", TOPIC).counters()).hasSize(3);
	}

	private double deadLetters(String reason) {
		return this.registry.get("coursehub.kafka.dead.letters")
			.tag("topic", TOPIC)
			.tag("reason", reason)
			.counter()
			.count();
	}

	@Test
	void producerFailuresAreLoggedWithoutKeysOrValues(@Autowired ProducerListener<?, ?> listener) {
		assertThat(listener).isInstanceOf(LoggingProducerListener.class)
			.hasFieldOrPropertyWithValue("includeContents", false);
	}

	private static ConsumerRecord<String, byte[]> deadLetterWithKey(String key) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka().bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(TOPIC + DeadLetters.SUFFIX));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
					if (key.equals(record.key())) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("no dead letter with key " + key);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	public record Ping(String name) {
	}

	static class Pings {

		final List<String> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = TOPIC)
		void on(Ping ping) {
			this.received.add(ping.name());
			if ("reject-me".equals(ping.name())) {
				throw new RejectedRecordException("pings named reject-me are refused");
			}
		}

		long attempts(String name) {
			return this.received.stream().filter(name::equals).count();
		}

	}

	@SpringBootApplication
	static class App {

		@Bean
		Pings pings() {
			return new Pings();
		}

	}

}
