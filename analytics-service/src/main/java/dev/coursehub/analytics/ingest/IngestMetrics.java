package dev.coursehub.analytics.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.coursehub.analytics.events.Envelope;

/**
 * {@code coursehub.analytics.events.applied{type}},
 * {@code coursehub.analytics.events.duplicates} and
 * {@code coursehub.analytics.event.freshness} (from an event's occurrence to its figure
 * being committed, hence readable). Counters of every known type start at zero.
 */
@Component
class IngestMetrics {

	private final Map<String, Counter> applied;

	private final Counter duplicates;

	private final Timer freshness;

	IngestMetrics(MeterRegistry registry) {
		this.applied = Effects.TYPES.stream()
			.collect(Collectors.toMap((type) -> type,
					(type) -> Counter.builder("coursehub.analytics.events.applied")
						.description("Events that changed the current figures")
						.tag("type", type)
						.register(registry)));
		this.duplicates = Counter.builder("coursehub.analytics.events.duplicates")
			.description("Events already applied (duplicates and redeliveries), changing nothing")
			.register(registry);
		this.freshness = Timer.builder("coursehub.analytics.event.freshness")
			.description("Time from an event's occurrence to its figures being readable")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	/** The outcomes of a transaction's events, in the same order. */
	void record(List<EventApplier.Read> events, List<EventApplier.Outcome> outcomes) {
		for (int i = 0; i < events.size(); i++) {
			record(events.get(i).event(), outcomes.get(i));
		}
	}

	private void record(Envelope event, EventApplier.Outcome outcome) {
		switch (outcome) {
			case APPLIED -> {
				this.applied.get(event.type()).increment();
				this.freshness.record(Duration.between(event.occurredAt(), Instant.now()));
			}
			case DUPLICATE -> this.duplicates.increment();
			case IGNORED -> {
			}
		}
	}

}
