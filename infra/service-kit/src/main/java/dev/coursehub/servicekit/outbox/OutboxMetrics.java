package dev.coursehub.servicekit.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.coursehub.servicekit.metrics.RefreshedGauges;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * {@code coursehub.outbox.backlog} (unpublished rows),
 * {@code coursehub.outbox.oldest.age} (seconds the oldest unpublished event has waited),
 * {@code coursehub.outbox.publish.latency} (occurrence to Kafka acknowledgement) and
 * {@code coursehub.outbox.publish.failures}.
 */
public class OutboxMetrics extends RefreshedGauges {

	private static final Duration REFRESH = Duration.ofSeconds(5);

	private final DatabaseClient database;

	private final AtomicLong backlog = new AtomicLong();

	private final AtomicLong oldestAgeSeconds = new AtomicLong();

	private final Timer latency;

	private final Counter failures;

	public OutboxMetrics(DatabaseClient database, MeterRegistry registry) {
		super(REFRESH);
		this.database = database;
		Gauge.builder("coursehub.outbox.backlog", this.backlog, AtomicLong::get)
			.description("Outbox rows not yet published to Kafka")
			.baseUnit("events")
			.register(registry);
		Gauge.builder("coursehub.outbox.oldest.age", this.oldestAgeSeconds, AtomicLong::get)
			.description("Age of the oldest unpublished outbox row")
			.baseUnit("seconds")
			.register(registry);
		this.latency = Timer.builder("coursehub.outbox.publish.latency")
			.description("Time from an event's occurrence to Kafka's acknowledgement")
			.publishPercentileHistogram()
			.register(registry);
		this.failures = Counter.builder("coursehub.outbox.publish.failures")
			.description("Relay batches that failed and will be retried")
			.register(registry);
	}

	void published(List<Instant> occurredAt) {
		Instant now = Instant.now();
		occurredAt.forEach((at) -> this.latency.record(Duration.between(at, now)));
	}

	void failed() {
		this.failures.increment();
	}

	long failures() {
		return (long) this.failures.count();
	}

	@Override
	public Mono<Void> refresh() {
		return this.database.sql("""
				SELECT count(*) AS backlog,
				       COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::bigint AS oldest
				FROM outbox_event WHERE published_at IS NULL
				""").map((row) -> {
			this.backlog.set(row.get("backlog", Long.class));
			this.oldestAgeSeconds.set(row.get("oldest", Long.class));
			return true;
		}).one().onErrorResume((ex) -> Mono.empty()).then();
	}

}
