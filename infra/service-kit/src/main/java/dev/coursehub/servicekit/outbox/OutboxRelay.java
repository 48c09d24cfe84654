package dev.coursehub.servicekit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Publishes committed outbox rows to Kafka in id order and stamps them as published.
 * <p>
 * Each batch runs in one transaction that first takes a PostgreSQL advisory lock, so with
 * several instances of a service exactly one publishes at a time and the order of an
 * aggregate's events is kept; the others find the lock taken and wait for the next tick.
 * The batch is sent with the idempotent producer and the rows are stamped only after
 * Kafka acknowledged all of them: while Kafka is down the sends fail, the transaction
 * rolls back, and the rows are tried again (at least once, never lost; consumers
 * de-duplicate by event id). Requests never wait for the relay.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	/** Advisory lock key: one relay per database. */
	static final long LOCK_KEY = 0x0c0b_0a70_b0c5L;

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final OutboxMetrics metrics;

	private volatile Disposable running;

	public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, KafkaTemplate<String, String> kafka,
			OutboxProperties properties, OutboxMetrics metrics) {
		this.database = database;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		Disposable relay = Flux.interval(Duration.ZERO, this.properties.pollInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> drain(), 0)
			.subscribe();
		Disposable cleanup = Flux.interval(this.properties.cleanupInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> deletePublished(), 0)
			.subscribe();
		this.running = Disposables.composite(relay, cleanup);
	}

	@Override
	public void stop() {
		Disposable relay = this.running;
		if (relay != null) {
			relay.dispose();
		}
		this.running = null;
	}

	public long failures() {
		return this.metrics.failures();
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Publish batches until the outbox is empty; errors end this round, not the relay.
	 */
	Mono<Integer> drain() {
		return publishBatch().expand((count) -> (count == this.properties.batchSize()) ? publishBatch() : Mono.empty())
			.reduce(0, Integer::sum)
			.onErrorResume((ex) -> {
				this.metrics.failed();
				logger.warn("Outbox relay could not publish, will retry: " + ex);
				// a new producer after a failure: an old one can be stuck on a broker
				// that is gone
				this.kafka.getProducerFactory().reset();
				return Mono.just(0);
			});
	}

	private Mono<Integer> publishBatch() {
		Mono<Integer> batch = this.database.sql("SELECT pg_try_advisory_xact_lock(:key) AS locked")
			.bind("key", LOCK_KEY)
			.map((row) -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
			.one()
			.flatMap((locked) -> locked ? publishPending() : Mono.just(0));
		return this.transactions.transactional(batch);
	}

	private Mono<Integer> publishPending() {
		return this.database.sql("""
				SELECT id, topic, aggregate_id, occurred_at, payload::text AS payload
				FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT :limit
				""")
			.bind("limit", this.properties.batchSize())
			.map((row) -> new PendingRow(row.get("id", Long.class), row.get("topic", String.class),
					row.get("aggregate_id", String.class), row.get("occurred_at", Instant.class),
					row.get("payload", String.class)))
			.all()
			.collectList()
			.flatMap((rows) -> rows.isEmpty() ? Mono.just(0) : send(rows).then(markPublished(rows)));
	}

	private Mono<Void> send(List<PendingRow> rows) {
		// KafkaTemplate.send may block for metadata while Kafka is away: keep it off
		// event loops
		return Mono
			.fromCallable(() -> rows.stream()
				.map((row) -> this.kafka.send(new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload())))
				.toArray(CompletableFuture[]::new))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((sends) -> Mono.fromFuture(CompletableFuture.allOf(sends)));
	}

	private Mono<Integer> markPublished(List<PendingRow> rows) {
		Long[] ids = rows.stream().map(PendingRow::id).toArray(Long[]::new);
		return this.database.sql("UPDATE outbox_event SET published_at = now() WHERE id = ANY(:ids)")
			.bind("ids", ids)
			.fetch()
			.rowsUpdated()
			.doOnSuccess((updated) -> this.metrics.published(rows.stream().map(PendingRow::occurredAt).toList()))
			.thenReturn(rows.size());
	}

	private Mono<Long> deletePublished() {
		return this.database
			.sql("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => :seconds)")
			.bind("seconds", (double) this.properties.retention().toSeconds())
			.fetch()
			.rowsUpdated()
			.onErrorResume((ex) -> {
				logger.warn("Outbox cleanup failed, will retry: " + ex);
				return Mono.just(0L);
			});
	}

	private record PendingRow(Long id, String topic, String aggregateId, Instant occurredAt, String payload) {
	}

}
