package dev.coursehub.messaging.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import dev.coursehub.messaging.telegram.GlobalSlots;
import dev.coursehub.servicekit.metrics.RefreshedGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The metric contract of messaging: {@code coursehub.broadcasts.sends{outcome}},
 * {@code coursehub.broadcasts.paused{reason}}, {@code coursehub.telegram.limiter.wait},
 * {@code coursehub.telegram.send.lateness},
 * {@code coursehub.telegram.slots.unused{reason}}, and the gauges
 * {@code coursehub.broadcasts.recipients{state}} (over scheduled, sending and paused
 * broadcasts) and {@code coursehub.broadcasts.active} (sending broadcasts), read from the
 * database every few seconds. Counters are registered at zero.
 */
@Component
public class DeliveryMetrics extends RefreshedGauges {

	static final String[] OUTCOMES = { "sent", "failed", "retried", "rate_limited" };

	static final String[] PAUSE_REASONS = { "admin", "failure_rate" };

	private static final Duration[] LIMITER_WAIT_BUCKETS = LongStream
		.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
		.mapToObj(Duration::ofMillis)
		.toArray(Duration[]::new);

	/** Around the global guard (25 ms by default), which late writes eat into. */
	private static final Duration[] LATENESS_BUCKETS = LongStream.of(1, 2, 5, 10, 15, 20, 25, 50, 100, 1000)
		.mapToObj(Duration::ofMillis)
		.toArray(Duration[]::new);

	private final DatabaseClient database;

	private final MeterRegistry registry;

	private final Map<String, AtomicLong> recipients = new ConcurrentHashMap<>();

	private final AtomicLong active = new AtomicLong();

	private final Timer limiterWait;

	private final Timer lateness;

	DeliveryMetrics(DatabaseClient database, MeterRegistry registry) {
		super(Duration.ofSeconds(5));
		this.database = database;
		this.registry = registry;
		for (String outcome : OUTCOMES) {
			sends(outcome);
		}
		for (String reason : PAUSE_REASONS) {
			pausedCounter(reason);
		}
		for (String state : new String[] { "pending", "sent", "failed" }) {
			AtomicLong value = new AtomicLong();
			this.recipients.put(state, value);
			Gauge.builder("coursehub.broadcasts.recipients", value, AtomicLong::get)
				.description("Recipients of scheduled, sending and paused broadcasts by state")
				.tag("state", state)
				.register(registry);
		}
		Gauge.builder("coursehub.broadcasts.active", this.active, AtomicLong::get)
			.description("Broadcasts sending now")
			.register(registry);
		// a few buckets (not the ~70 of a percentiles histogram) for the p99 panel of
		// infra/grafana
		this.limiterWait = Timer.builder("coursehub.telegram.limiter.wait")
			.description("Time a send waited for the global Telegram rate limit")
			.serviceLevelObjectives(LIMITER_WAIT_BUCKETS)
			.register(registry);
		this.lateness = Timer.builder("coursehub.telegram.send.lateness")
			.description("Time from a send's global slot to its request written to the wire")
			.serviceLevelObjectives(LATENESS_BUCKETS)
			.register(registry);
	}

	void sent() {
		sends("sent").increment();
	}

	void failed() {
		sends("failed").increment();
	}

	void retried() {
		sends("retried").increment();
	}

	void rateLimited() {
		sends("rate_limited").increment();
	}

	public void paused(String reason) {
		pausedCounter(reason).increment();
	}

	/**
	 * Global send slots left unused, by why: a send woke up too late, the send a second's
	 * worth of sends before was written less than a second earlier, or none was ready.
	 */
	void slots(GlobalSlots slots) {
		FunctionCounter.builder("coursehub.telegram.slots.unused", slots, GlobalSlots::missed)
			.description("Global send slots this instance reserved and left unused")
			.tag("reason", "late")
			.register(this.registry);
		FunctionCounter.builder("coursehub.telegram.slots.unused", slots, GlobalSlots::crowded)
			.description("Global send slots this instance reserved and left unused")
			.tag("reason", "window")
			.register(this.registry);
		FunctionCounter.builder("coursehub.telegram.slots.unused", slots, GlobalSlots::unused)
			.description("Global send slots this instance reserved and left unused")
			.tag("reason", "no_send_ready")
			.register(this.registry);
	}

	void waited(Duration wait) {
		this.limiterWait.record(wait);
	}

	void late(Duration lateness) {
		this.lateness.record(lateness);
	}

	private Counter sends(String outcome) {
		return Counter.builder("coursehub.broadcasts.sends")
			.description("Telegram sends by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private Counter pausedCounter(String reason) {
		return Counter.builder("coursehub.broadcasts.paused")
			.description("Broadcasts paused, by reason")
			.tag("reason", reason)
			.register(this.registry);
	}

	@Override
	protected Mono<Void> refresh() {
		Mono<Void> counts = this.database.sql("""
				SELECT count(*) FILTER (WHERE r.status IN ('pending', 'sending')) AS pending,
				       count(*) FILTER (WHERE r.status = 'sent') AS sent,
				       count(*) FILTER (WHERE r.status = 'failed') AS failed
				FROM broadcast_recipient r JOIN broadcast b ON b.id = r.broadcast_id
				WHERE b.state IN ('scheduled', 'sending', 'paused')
				""").map((row) -> {
			this.recipients.get("pending").set(row.get("pending", Long.class));
			this.recipients.get("sent").set(row.get("sent", Long.class));
			this.recipients.get("failed").set(row.get("failed", Long.class));
			return true;
		}).one().then();
		Mono<Void> sending = this.database.sql("SELECT count(*) AS n FROM broadcast WHERE state = 'sending'")
			.map((row) -> row.get("n", Long.class))
			.one()
			.doOnNext(this.active::set)
			.then();
		return counts.then(sending).onErrorResume((ex) -> Mono.empty());
	}

}
