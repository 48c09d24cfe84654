package dev.coursehub.booking.enrollment;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.coursehub.booking.workshop.WorkshopSettings;
import dev.coursehub.servicekit.metrics.RefreshedGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code coursehub.workshops.enrollments{outcome}} (enrolled, full, duplicate, cancelled;
 * registered at zero) and {@code coursehub.workshops.seats.free{workshop}}: free seats
 * over a workshop's upcoming, non-cancelled sessions, read from the database every
 * {@code coursehub.workshops.seats-gauge-refresh} so that every instance reports the same
 * figure.
 */
@Component
class EnrollmentMetrics extends RefreshedGauges {

	private final Counter enrolled;

	private final Counter full;

	private final Counter duplicate;

	private final Counter cancelled;

	private final MeterRegistry registry;

	private final DatabaseClient database;

	private final Map<Long, AtomicLong> freeSeats = new ConcurrentHashMap<>();

	EnrollmentMetrics(MeterRegistry registry, DatabaseClient database, WorkshopSettings settings) {
		super(settings.seatsGaugeRefresh());
		this.registry = registry;
		this.database = database;
		this.enrolled = counter("enrolled");
		this.full = counter("full");
		this.duplicate = counter("duplicate");
		this.cancelled = counter("cancelled");
	}

	private Counter counter(String outcome) {
		return Counter.builder("coursehub.workshops.enrollments")
			.description("Enrollment attempts and cancellations by outcome")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	void enrolled(int count) {
		this.enrolled.increment(count);
	}

	void cancelled(int count) {
		this.cancelled.increment(count);
	}

	void refused(String reason) {
		if (Refusals.FULL.equals(reason)) {
			this.full.increment();
		}
		else if (Refusals.DUPLICATE.equals(reason)) {
			this.duplicate.increment();
		}
	}

	@Override
	protected Mono<Void> refresh() {
		return readFreeSeats().then();
	}

	private Flux<Void> readFreeSeats() {
		return this.database.sql("""
				SELECT w.id, COALESCE(sum(s.capacity - s.seats_taken)
				         FILTER (WHERE s.status <> 'cancelled' AND s.starts_at > now()), 0) AS free
				  FROM workshop w LEFT JOIN workshop_session s ON s.workshop_id = w.id
				 GROUP BY w.id
				""")
			.map((row) -> Map.entry(row.get("id", Long.class), row.get("free", Long.class)))
			.all()
			.collectList()
			.flatMapMany((rows) -> {
				Set<Long> seen = new HashSet<>();
				rows.forEach((row) -> {
					seen.add(row.getKey());
					gauge(row.getKey()).set(row.getValue());
				});
				this.freeSeats.forEach((id, value) -> {
					if (!seen.contains(id)) {
						value.set(0);
					}
				});
				return Flux.empty();
			});
	}

	private AtomicLong gauge(long workshopId) {
		return this.freeSeats.computeIfAbsent(workshopId, (id) -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("coursehub.workshops.seats.free", value, AtomicLong::get)
				.description("Free seats over the workshop's upcoming sessions")
				.tag("workshop", String.valueOf(id))
				.register(this.registry);
			return value;
		});
	}

}
