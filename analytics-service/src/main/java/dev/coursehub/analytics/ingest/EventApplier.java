package dev.coursehub.analytics.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.analytics.events.Envelope;
import dev.coursehub.servicekit.RejectedRecordException;

/**
 * Applies events to the figures, each generation at most once per event id: the ids are
 * inserted into {@code processed_event} in the same transaction as the change, so a
 * duplicate or redelivered event changes nothing. The events of one call are folded in
 * memory ({@link Fold}) and written with a few set-based statements, whatever their
 * number. Live events (one poll of the listener) go to the current generation and, while
 * a rebuild runs, to the generation being built as well; writers to a generation being
 * built take its advisory lock, so the live listener and the rebuild never interleave
 * inside it.
 */
@Component
public class EventApplier {

	private static final Log logger = LogFactory.getLog(EventApplier.class);

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final BookingFigures bookings;

	private final UserFigures users;

	private final LessonFigures lessons;

	private final SessionFigures sessions;

	private final NameFigures names;

	EventApplier(DatabaseClient db, TransactionalOperator transactions, BookingFigures bookings, UserFigures users,
			LessonFigures lessons, SessionFigures sessions, NameFigures names) {
		this.db = db;
		this.transactions = transactions;
		this.bookings = bookings;
		this.users = users;
		this.lessons = lessons;
		this.sessions = sessions;
		this.names = names;
	}

	/**
	 * Reads what an event does to the figures, before any database work: a
	 * {@link RejectedRecordException} if it breaks the contract.
	 */
	Read read(Envelope event) {
		return new Read(event, Effects.of(event));
	}

	/**
	 * Applies live events (one poll) in one transaction; tells, per event and in their
	 * order, what each did to the current figures. An event repeated in the list is a
	 * duplicate after its first occurrence.
	 */
	Mono<List<Outcome>> applyLive(List<Read> events) {
		List<Read> used = events.stream().filter((read) -> read.change() != null).toList();
		if (used.isEmpty()) {
			return Mono.just(events.stream().map((read) -> Outcome.IGNORED).toList());
		}
		// FOR SHARE: a switch-over (which updates these rows) waits for this transaction,
		// so no write to a generation it retires can land after the retired rows are
		// dropped
		return this.db
			.sql("SELECT id, state FROM generation WHERE state IN ('current', 'building') ORDER BY id FOR SHARE")
			.map((row) -> new Target(row.get("id", Long.class), "building".equals(row.get("state", String.class))))
			.all()
			.concatMap((target) -> lockIfBuilding(target).then(apply(target.generation(), used))
				.map((applied) -> new Applied(target.building(), applied)))
			.collectList()
			.map((results) -> {
				Set<UUID> applied = results.stream()
					.filter((result) -> !result.building())
					.findFirst()
					.map(Applied::events)
					.orElse(Set.of());
				Set<UUID> counted = new HashSet<>();
				return events.stream()
					.map((read) -> (read.change() == null) ? Outcome.IGNORED
							: (applied.contains(read.event().eventId()) && counted.add(read.event().eventId()))
									? Outcome.APPLIED : Outcome.DUPLICATE)
					.toList();
			})
			.as(this.transactions::transactional);
	}

	/**
	 * Applies a batch of events to one generation being built, in one transaction;
	 * returns how many changed it (the others were already applied, repeated in the
	 * batch, of unused types, or dead-lettered by the live listener, which a rebuild
	 * skips in the same way). If the database refuses the batch (a constraint), its
	 * events are applied one transaction each, and the one it refuses alone is skipped:
	 * the live listener dead-lettered it.
	 */
	public Mono<Long> applyBatch(long generation, List<Envelope> events) {
		List<Read> read = new ArrayList<>(events.size());
		for (Envelope event : events) {
			try {
				Effects.Change change = Effects.of(event);
				if (change != null) {
					read.add(new Read(event, change));
				}
			}
			catch (RejectedRecordException ex) {
				// dead-lettered when the live listener met it
			}
		}
		return applyBuilding(generation, read).onErrorResume(DataIntegrityViolationException.class,
				(refused) -> Flux.fromIterable(read)
					.concatMap((one) -> applyBuilding(generation, List.of(one))
						.onErrorResume(DataIntegrityViolationException.class, (ex) -> {
							logger.warn("Rebuild skips event " + one.event().eventId() + " (" + one.event().type()
									+ "): the database refuses it, as when the live listener met it");
							return Mono.just(0L);
						}))
					.reduce(0L, Long::sum));
	}

	private Mono<Long> applyBuilding(long generation, List<Read> events) {
		return lockBuilding(generation).then(apply(generation, events))
			.map((applied) -> (long) applied.size())
			.as(this.transactions::transactional);
	}

	/** Takes the lock of a generation being built; used also by the switch-over. */
	public Mono<Void> lockBuilding(long generation) {
		return this.db.sql("SELECT pg_advisory_xact_lock(:k)").bind("k", lockKey(generation)).then();
	}

	private Mono<Void> lockIfBuilding(Target target) {
		return target.building() ? lockBuilding(target.generation()) : Mono.empty();
	}

	/**
	 * Applies the events the generation has not seen yet (the first of each id); returns
	 * their ids. Runs inside the caller's transaction.
	 */
	private Mono<Set<UUID>> apply(long generation, List<Read> events) {
		Map<UUID, Read> unique = new LinkedHashMap<>();
		events.forEach((read) -> unique.putIfAbsent(read.event().eventId(), read));
		if (unique.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.db
			.sql("INSERT INTO processed_event (generation, event_id, event_type) SELECT :g, * FROM "
					+ "unnest(:e::uuid[], :t::text[]) ON CONFLICT DO NOTHING RETURNING event_id")
			.bind("g", generation)
			.bind("e", unique.keySet().toArray(UUID[]::new))
			.bind("t", unique.values().stream().map((read) -> read.event().type()).toArray(String[]::new))
			.map((row) -> row.get("event_id", UUID.class))
			.all()
			.collect(HashSet<UUID>::new, Set::add)
			.flatMap((inserted) -> {
				Fold fold = new Fold();
				unique.values()
					.stream()
					.filter((read) -> inserted.contains(read.event().eventId()))
					.forEach((read) -> Objects.requireNonNull(read.change()).addTo(fold));
				return write(generation, fold).thenReturn(inserted);
			});
	}

	private Mono<Void> write(long generation, Fold fold) {
		return this.bookings.apply(generation, fold.bookings)
			.flatMap((confirmed) -> this.users.apply(generation, fold, confirmed))
			.then(Mono.defer(() -> this.lessons.apply(generation, fold)))
			.then(Mono.defer(() -> this.names.apply(generation, fold)))
			.then(Mono.defer(() -> this.sessions.apply(generation, fold)));
	}

	private static long lockKey(long generation) {
		// a key space of its own: 0x414e ("AN") in the high bits
		return (0x414EL << 48) | generation;
	}

	/** What a live event did to the current figures. */
	public enum Outcome {

		APPLIED, DUPLICATE, IGNORED

	}

	/**
	 * An event and what it does to the figures (null for a type analytics does not use),
	 * read before any database work.
	 */
	record Read(Envelope event, Effects.@Nullable Change change) {
	}

	private record Target(long generation, boolean building) {
	}

	/** The events a transaction applied to one generation. */
	private record Applied(boolean building, Set<UUID> events) {
	}

}
