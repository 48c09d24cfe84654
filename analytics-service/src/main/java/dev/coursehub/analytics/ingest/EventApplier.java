package dev.coursehub.analytics.ingest;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.analytics.events.Envelope;
import dev.coursehub.servicekit.RejectedRecordException;

/**
 * Applies events to the figures, each generation at most once per event id: the id is
 * inserted into {@code processed_event} in the same transaction as the change, so a
 * duplicate or redelivered event changes nothing. A live event goes to the current
 * generation and, while a rebuild runs, to the generation being built as well; writers to
 * a generation being built take its advisory lock, so the live listener and the rebuild
 * never interleave inside it.
 */
@Component
public class EventApplier {

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final Effects effects;

	EventApplier(DatabaseClient db, TransactionalOperator transactions, Effects effects) {
		this.db = db;
		this.transactions = transactions;
		this.effects = effects;
	}

	/**
	 * Applies a live event in one transaction; tells whether it changed the current
	 * figures.
	 */
	public Mono<Outcome> applyLive(Envelope event) {
		Effects.Effect effect = this.effects.of(event);
		if (effect == null) {
			return Mono.just(Outcome.IGNORED);
		}
		// FOR SHARE: a switch-over (which updates these rows) waits for this transaction,
		// so no
		// write to a generation it retires can land after the retired rows are dropped
		return this.db
			.sql("SELECT id, state FROM generation WHERE state IN ('current', 'building') ORDER BY id FOR SHARE")
			.map((row) -> new Target(row.get("id", Long.class), "building".equals(row.get("state", String.class))))
			.all()
			.concatMap((target) -> lockIfBuilding(target).then(once(target.generation(), event, effect))
				.map((applied) -> new Applied(target.building(), applied)))
			.collectList()
			.map((results) -> results.stream()
				.filter((result) -> !result.building())
				.findFirst()
				.map((result) -> result.applied() ? Outcome.APPLIED : Outcome.DUPLICATE)
				.orElse(Outcome.DUPLICATE))
			.as(this.transactions::transactional);
	}

	/**
	 * Applies a batch of events to one generation being built, in one transaction;
	 * returns how many changed it (the others were already applied, or of unused types).
	 */
	public Mono<Long> applyBatch(long generation, List<Envelope> events) {
		return this.db.sql("SELECT pg_advisory_xact_lock(:k)")
			.bind("k", lockKey(generation))
			.then()
			.thenMany(Flux.fromIterable(events).concatMap((event) -> {
				Effects.Effect effect = replayable(event);
				return (effect != null) ? once(generation, event, effect) : Mono.just(false);
			}))
			.filter(Boolean::booleanValue)
			.count()
			.as(this.transactions::transactional);
	}

	/**
	 * The effect of a replayed event; null for one the live listener dead-lettered, which
	 * a rebuild skips in the same way.
	 */
	private Effects.@Nullable Effect replayable(Envelope event) {
		try {
			return this.effects.of(event);
		}
		catch (RejectedRecordException ex) {
			return null;
		}
	}

	/** Takes the lock of a generation being built; used also by the switch-over. */
	public Mono<Void> lockBuilding(long generation) {
		return this.db.sql("SELECT pg_advisory_xact_lock(:k)").bind("k", lockKey(generation)).then();
	}

	private Mono<Void> lockIfBuilding(Target target) {
		return target.building() ? lockBuilding(target.generation()) : Mono.empty();
	}

	private Mono<Boolean> once(long generation, Envelope event, Effects.Effect effect) {
		return this.db
			.sql("INSERT INTO processed_event (generation, event_id, event_type) VALUES (:g, :e, :t) "
					+ "ON CONFLICT DO NOTHING")
			.bind("g", generation)
			.bind("e", event.eventId())
			.bind("t", event.type())
			.fetch()
			.rowsUpdated()
			.flatMap((inserted) -> (inserted == 1) ? effect.on(generation).thenReturn(true) : Mono.just(false));
	}

	private static long lockKey(long generation) {
		// a key space of its own: 0x414e ("AN") in the high bits
		return (0x414EL << 48) | generation;
	}

	/** What a live event did to the current figures. */
	public enum Outcome {

		APPLIED, DUPLICATE, IGNORED

	}

	private record Target(long generation, boolean building) {
	}

	private record Applied(boolean building, boolean applied) {
	}

}
