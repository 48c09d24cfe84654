package dev.coursehub.booking.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.outbox.OutboxMetrics;
import dev.coursehub.servicekit.outbox.OutboxProperties;
import dev.coursehub.servicekit.outbox.OutboxRelay;
import dev.coursehub.testkit.InterruptibleKafka;
import dev.coursehub.testkit.TestServers;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against real PostgreSQL and Kafka; relays are started by each test. */
@SpringBootTest(properties = "coursehub.outbox.enabled=false")
@UsesPostgres
@UsesKafka
class OutboxRelayIT {

	static final String TOPIC = "booking.events";

	static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Outbox outbox;

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	KafkaTemplate<String, String> kafka;

	final List<OutboxRelay> relays = new ArrayList<>();

	@AfterEach
	void stopRelays() {
		this.relays.forEach(OutboxRelay::stop);
	}

	@Test
	void publishesCommittedEventsAsEnvelopesKeyedByAggregate() {
		String aggregate = UUID.randomUUID().toString();
		OutboxEvent event = event(aggregate, 1);
		commit(event);
		startRelay(this.kafka);

		ConsumerRecord<String, String> record = read(TestServers.kafka().bootstrapServers(), aggregate, 1).get(0);
		JsonNode envelope = json.readTree(record.value());
		assertThat(envelope.get("eventId").asString()).isEqualTo(event.eventId().toString());
		assertThat(envelope.get("type").asString()).isEqualTo("test.happened.v1");
		assertThat(envelope.get("aggregateVersion").asLong()).isEqualTo(1);
		assertThat(envelope.get("data").get("n").asInt()).isEqualTo(1);
		await().until(() -> unpublished(aggregate) == 0);
	}

	@Test
	void rolledBackChangePublishesNothing() {
		String aggregate = UUID.randomUUID().toString();
		Mono<Void> failingChange = this.outbox.append(event(aggregate, 1))
			.then(Mono.error(new IllegalStateException("change failed")));
		this.transactions.transactional(failingChange).onErrorComplete().block();
		commit(event(aggregate, 2));
		startRelay(this.kafka);

		// the committed event after the rolled back one arrives; the rolled back one
		// never
		assertThat(read(TestServers.kafka().bootstrapServers(), aggregate, 1)).extracting(OutboxRelayIT::version)
			.containsExactly(2L);
	}

	@Test
	void twoRelaysPublishEveryEventOnceInOrderPerAggregate() {
		List<String> aggregates = IntStream.range(0, 4).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		startRelay(this.kafka);
		startRelay(this.kafka);
		Flux.range(1, 30)
			.flatMap((version) -> Flux.fromIterable(aggregates)
				.concatMap(
						(aggregate) -> this.transactions.transactional(this.outbox.append(event(aggregate, version))))
				.then(), 1)
			.blockLast();

		for (String aggregate : aggregates) {
			assertThat(read(TestServers.kafka().bootstrapServers(), aggregate, 30)).extracting(OutboxRelayIT::version)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, 30).mapToObj(Long::valueOf).toList());
		}
	}

	@Test
	void keepsEventsWhileKafkaIsUnreachableAndPublishesThemInOrderWhenItReturns() {
		try (InterruptibleKafka kafka = InterruptibleKafka.start(TOPIC)) {
			String aggregate = UUID.randomUUID().toString();
			OutboxRelay relay = startRelay(templateFor(kafka.bootstrapServers()));
			commit(event(aggregate, 1));
			assertThat(read(kafka.bootstrapServers(), aggregate, 1)).hasSize(1);

			kafka.cut();
			// writes keep succeeding while Kafka is away; the events wait in the outbox
			IntStream.rangeClosed(2, 11).forEach((version) -> commit(event(aggregate, version)));
			await().atMost(Duration.ofSeconds(60)).until(() -> relay.failures() > 0);
			assertThat(unpublished(aggregate)).isEqualTo(10);

			kafka.restore();
			assertThat(read(kafka.bootstrapServers(), aggregate, 11)).extracting(OutboxRelayIT::version)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, 11).mapToObj(Long::valueOf).toList());
			await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(aggregate) == 0);
		}
	}

	@Test
	void metricsShowTheBacklogAndTheAgeOfItsOldestEvent() {
		String aggregate = UUID.randomUUID().toString();
		commit(OutboxEvent.of("test.happened.v1", "test", aggregate, 1, Instant.now().minusSeconds(90), Map.of()));
		commit(event(aggregate, 2));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OutboxMetrics metrics = new OutboxMetrics(this.database, registry);

		metrics.refresh().block();

		assertThat(registry.get("coursehub.outbox.backlog").gauge().value()).isEqualTo(totalUnpublished());
		assertThat(registry.get("coursehub.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(90);
		startRelay(this.kafka);
		await().until(() -> unpublished(aggregate) == 0);
	}

	@Test
	void deletesPublishedRowsOnceTheirRetentionHasPassed() {
		String aggregate = UUID.randomUUID().toString();
		commit(event(aggregate, 1));
		OutboxRelay relay = new OutboxRelay(this.database, this.transactions, this.kafka,
				new OutboxProperties(true, Duration.ofMillis(100), 7, Duration.ZERO, Duration.ofMillis(200)),
				new OutboxMetrics(this.database, new SimpleMeterRegistry()));
		relay.start();
		this.relays.add(relay);

		assertThat(read(TestServers.kafka().bootstrapServers(), aggregate, 1)).hasSize(1);
		await().until(() -> this.database.sql("SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = :id")
			.bind("id", aggregate)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block() == 0);
	}

	private OutboxRelay startRelay(KafkaTemplate<String, String> template) {
		OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(100), 7, Duration.ofHours(1),
				Duration.ofMinutes(1));
		OutboxRelay relay = new OutboxRelay(this.database, this.transactions, template, properties,
				new OutboxMetrics(this.database, new SimpleMeterRegistry()));
		relay.start();
		this.relays.add(relay);
		return relay;
	}

	private void commit(OutboxEvent event) {
		this.transactions.transactional(this.outbox.append(event)).block();
	}

	private long unpublished(String aggregate) {
		return this.database
			.sql("SELECT count(*) AS n FROM outbox_event WHERE aggregate_id = :id AND published_at IS NULL")
			.bind("id", aggregate)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private double totalUnpublished() {
		return this.database.sql("SELECT count(*) AS n FROM outbox_event WHERE published_at IS NULL")
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

	private static OutboxEvent event(String aggregate, long version) {
		return OutboxEvent.of("test.happened.v1", "test", aggregate, version, Instant.now(), Map.of("n", version));
	}

	private static List<ConsumerRecord<String, String>> read(String bootstrap, String aggregate, int count) {
		List<ConsumerRecord<String, String>> records = KafkaRecords.readUntil(bootstrap, TOPIC,
				(read) -> read.size() >= count, (record) -> aggregate.equals(record.key()));
		assertThat(records).as("events of " + aggregate).hasSize(count);
		return records;
	}

	private static long version(ConsumerRecord<String, String> record) {
		return json.readTree(record.value()).get("aggregateVersion").asLong();
	}

	private static KafkaTemplate<String, String> templateFor(String bootstrap) {
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000), new StringSerializer(), new StringSerializer()));
	}

}
