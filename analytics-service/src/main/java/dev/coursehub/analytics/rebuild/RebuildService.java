package dev.coursehub.analytics.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.analytics.ingest.EventApplier;
import dev.coursehub.servicekit.web.Problems;

/**
 * Rebuilds every figure from the event history into a new generation while reads keep
 * being served from the current one, then switches over in one transaction. Live events
 * go to both generations meanwhile (see {@link EventApplier}), so nothing published
 * during the rebuild is missed; the event ledger of the new generation makes the overlap
 * harmless. One rebuild at a time (409 otherwise), and one service instance runs it: a
 * rebuild cut short by a restart is marked failed at the next start.
 */
@Service
public class RebuildService {

	private static final Log logger = LogFactory.getLog(RebuildService.class);

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final EventApplier applier;

	private final Generations generations;

	private final ConsumerFactory<String, JsonNode> consumers;

	private final String topic;

	private final int batchSize;

	private volatile Disposable running;

	RebuildService(DatabaseClient db, TransactionalOperator transactions, EventApplier applier, Generations generations,
			ConsumerFactory<String, JsonNode> consumers,
			@Value("${coursehub.kafka.topics.booking-events}") String topic,
			@Value("${coursehub.analytics.rebuild.batch-size}") int batchSize) {
		this.db = db;
		this.transactions = transactions;
		this.applier = applier;
		this.generations = generations;
		this.consumers = consumers;
		this.topic = topic;
		this.batchSize = batchSize;
	}

	/** Starts a rebuild; a 409 problem if one is running. */
	public Mono<RebuildJob> start() {
		UUID id = UUID.randomUUID();
		return this.generations.create()
			.flatMap((generation) -> this.db
				.sql("INSERT INTO rebuild_job (id, generation, state) VALUES (:id, :g, 'running')")
				.bind("id", id)
				.bind("g", generation)
				.then()
				.thenReturn(generation))
			.as(this.transactions::transactional)
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> Problems.conflict("a rebuild is already running", Map.of()))
			.doOnNext((generation) -> {
				logger.info("Rebuild " + id + " started into generation " + generation);
				this.running = run(id, generation).subscribe();
			})
			.then(job(id));
	}

	public Mono<RebuildJob> job(UUID id) {
		return this.db
			.sql("SELECT id, generation, state, started_at, finished_at, events_read, events_total, error "
					+ "FROM rebuild_job WHERE id = :id")
			.bind("id", id)
			.map((row) -> new RebuildJob(row.get("id", UUID.class), row.get("generation", Long.class),
					row.get("state", String.class), row.get("started_at", Instant.class),
					row.get("finished_at", Instant.class), row.get("events_read", Long.class),
					row.get("events_total", Long.class), row.get("error", String.class)))
			.one();
	}

	private Mono<Void> run(UUID id, long generation) {
		return Flux.<TopicReader.Batch, TopicReader>generate(() -> reader(id), (reader, sink) -> {
			TopicReader.Batch batch = reader.next(this.batchSize);
			if (batch == null) {
				sink.complete();
			}
			else {
				sink.next(batch);
			}
			return reader;
		}, TopicReader::close)
			// the Kafka consumer blocks: it is created, polled and closed on one worker
			.subscribeOn(Schedulers.boundedElastic(), true)
			.concatMap((batch) -> this.applier.applyBatch(generation, batch.events())
				.retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
				.then(progress(id, batch)), 1)
			.then(switchOver(id, generation))
			.onErrorResume((ex) -> fail(id, generation, ex))
			.then(this.generations.dropRetired())
			.onErrorResume((ex) -> {
				logger.warn("Dropping retired generations failed: " + ex);
				return Mono.empty();
			});
	}

	private TopicReader reader(UUID id) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Math.max(this.batchSize, 100)));
		return new TopicReader(
				this.consumers.createConsumer("analytics-rebuild-" + id, "analytics-rebuild", null, overrides),
				this.topic);
	}

	private Mono<Void> progress(UUID id, TopicReader.Batch batch) {
		return this.db.sql("UPDATE rebuild_job SET events_read = events_read + :n, events_total = :t WHERE id = :id")
			.bind("n", batch.read())
			.bind("t", batch.total())
			.bind("id", id)
			.then();
	}

	private Mono<Void> switchOver(UUID id, long generation) {
		// the generation rows first: this waits for live transactions that read them (FOR
		// SHARE) and may still write to the retiring generation; then the building lock
		return this.db.sql("UPDATE generation SET state = 'retired' WHERE state = 'current'")
			.then()
			.then(this.db.sql("UPDATE generation SET state = 'current', switched_at = now() WHERE id = :g")
				.bind("g", generation)
				.then())
			.then(this.applier.lockBuilding(generation))
			.then(this.db
				.sql("UPDATE rebuild_job SET state = 'done', finished_at = now(), "
						+ "events_total = coalesce(events_total, 0) WHERE id = :id")
				.bind("id", id)
				.then())
			.as(this.transactions::transactional)
			.doOnSuccess((done) -> logger.info("Rebuild " + id + " done: generation " + generation + " is current"));
	}

	private Mono<Void> fail(UUID id, long generation, Throwable failure) {
		Throwable ex = Exceptions.unwrap(failure);
		if (Exceptions.isRetryExhausted(ex) && ex.getCause() != null) {
			ex = ex.getCause();
		}
		logger.warn("Rebuild " + id + " failed", ex);
		return this.db.sql("UPDATE rebuild_job SET state = 'failed', finished_at = now(), error = :e WHERE id = :id")
			.bind("e", ex.getClass().getSimpleName())
			.bind("id", id)
			.then()
			.then(this.db.sql("UPDATE generation SET state = 'retired' WHERE id = :g").bind("g", generation).then())
			.as(this.transactions::transactional);
	}

	/** A rebuild that was running when the service stopped will never finish. */
	@EventListener(ApplicationReadyEvent.class)
	void failInterruptedRebuilds() {
		this.db
			.sql("UPDATE rebuild_job SET state = 'failed', finished_at = now(), error = 'interrupted' "
					+ "WHERE state = 'running'")
			.then()
			.then(this.db.sql("UPDATE generation SET state = 'retired' WHERE state = 'building'").then())
			.as(this.transactions::transactional)
			.then(this.generations.dropRetired())
			.subscribe(null, (ex) -> logger.warn("Cleaning up interrupted rebuilds failed: " + ex));
	}

}
