package dev.coursehub.messaging.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

import dev.coursehub.messaging.telegram.Admissions;
import dev.coursehub.messaging.telegram.GlobalSlots;
import dev.coursehub.messaging.telegram.SentWindow;
import dev.coursehub.messaging.telegram.TelegramClient;
import dev.coursehub.messaging.telegram.TelegramLimits;

/**
 * Sends the broadcasts of every instance together: each round starts due scheduled
 * broadcasts, marks sends of dead instances unknown, then claims batches of recipients
 * and sends them within the limits until nothing is due, and completes or pauses
 * broadcasts. Rounds run every poll interval and whenever a broadcast job arrives. What
 * each send's outcome does to its recipient and broadcast is {@link Outcomes}' concern.
 */
public class DeliveryWorker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DeliveryWorker.class);

	private final DeliveryStore store;

	private final BroadcastStates broadcasts;

	private final SenderHold hold;

	private final TelegramClient telegram;

	private final TelegramLimits limits;

	private final Admissions admissions;

	private final GlobalSlots slots;

	private final DeliveryProperties properties;

	private final DeliveryMetrics metrics;

	private final Outcomes outcomes;

	private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();

	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean stopping;

	private volatile Disposable running;

	DeliveryWorker(DeliveryStore store, BroadcastStates broadcasts, SenderHold hold, TelegramClient telegram,
			TelegramLimits limits, DeliveryProperties properties, DeliveryMetrics metrics) {
		this.store = store;
		this.broadcasts = broadcasts;
		this.hold = hold;
		this.telegram = telegram;
		this.limits = limits;
		this.admissions = new Admissions(limits);
		this.slots = new GlobalSlots(limits);
		this.properties = properties;
		this.metrics = metrics;
		this.outcomes = new Outcomes(store, broadcasts, properties, metrics, hold);
		metrics.slots(this.slots);
	}

	/** Start a round now (a broadcast job arrived). */
	public void wake() {
		this.wakeUps.tryEmitNext(true);
	}

	@Override
	public void start() {
		this.stopping = false;
		Disposable rounds = Flux
			.merge(Flux.interval(Duration.ZERO, this.properties.pollInterval()).map((t) -> true), this.wakeUps.asFlux())
			.onBackpressureDrop()
			.concatMap((tick) -> round(), 0)
			.subscribe();
		Disposable cleanup = Flux.interval(Duration.ofMinutes(1))
			.onBackpressureDrop()
			.concatMap((tick) -> this.limits.removeExpired().onErrorResume((ex) -> Mono.just(0)), 0)
			.subscribe();
		this.running = reactor.core.Disposables.composite(rounds, cleanup);
		logger.info("Delivery workers started as " + this.properties.instanceId());
	}

	@Override
	public void stop() {
		// no new send starts; those in flight get the grace period to finish and be
		// recorded, so a normal shutdown leaves no outcome unknown
		this.stopping = true;
		long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (this.inFlight.get() > 0) {
			logger.warn(this.inFlight.get() + " sends still in flight at shutdown: their outcome will be unknown");
		}
		Disposable current = this.running;
		if (current != null) {
			current.dispose();
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/** One round; errors end the round, never the worker. */
	Mono<Void> round() {
		return housekeeping().then(sendBatches()).then(finish()).onErrorResume((ex) -> {
			logger.warn("Delivery round failed, will retry: " + ex.getClass().getSimpleName());
			return Mono.empty();
		});
	}

	private Mono<Void> housekeeping() {
		return this.broadcasts.startScheduled()
			.doOnNext((id) -> logger.info("Broadcast " + id + " reached its scheduled time"))
			.then(this.store.markUnknown())
			.doOnNext((count) -> {
				if (count > 0) {
					logger.warn(count + " recipients marked unknown: their sender stopped during the call");
				}
			})
			.then();
	}

	/**
	 * One stream of sends: the next batch is claimed when the last recipient of the one
	 * before has started, while its sends are still in flight, so the sends never stop
	 * for a claim.
	 */
	private Mono<Void> sendBatches() {
		return Mono.defer(this.store::claim)
			.repeat()
			.takeWhile((batch) -> !batch.isEmpty() && !this.stopping)
			.concatMapIterable(Function.identity(), 1)
			.flatMap(this::deliver, this.properties.concurrency())
			.then();
	}

	private Mono<Void> finish() {
		return this.outcomes.pauseFailing().thenMany(this.outcomes.completeFinished()).then();
	}

	/**
	 * One recipient, from its claim to its recorded outcome: the chat's token, the 429
	 * hold, the point of no return, then the global slot last, so that only a timer
	 * stands between the slot and the call. The hold is looked at again right before the
	 * call.
	 */
	Mono<Void> deliver(Claim claim) {
		return this.admissions.admit().flatMap((permit) -> this.limits.tryChat(claim.chatId()).flatMap((chatWait) -> {
			if (!chatWait.isZero()) {
				return this.store.release(claim, chatWait);
			}
			long chatTokenAt = System.nanoTime();
			return this.hold.waitOut().then(Mono.defer(() -> sendUnlessStopping(claim, chatTokenAt, permit)));
		}).doFinally((signal) -> permit.release())).onErrorResume((ex) -> {
			logger.warn("Delivery of recipient " + claim.id() + " interrupted: " + ex.getClass().getSimpleName());
			return Mono.empty();
		});
	}

	/**
	 * Marks the recipient sending, waits for its global slot and sends, counted in flight
	 * so that a stop waits for it; once stopping, nothing new starts. A slot that would
	 * come too long after the chat's token puts the recipient back, not as an attempt.
	 */
	private Mono<Void> sendUnlessStopping(Claim claim, long chatTokenAt, Admissions.Permit permit) {
		if (this.stopping) {
			return this.store.release(claim, Duration.ZERO);
		}
		this.inFlight.incrementAndGet();
		return this.store.markSending(claim).flatMap((mine) -> {
			if (!mine) {
				return this.store.release(claim, Duration.ZERO);
			}
			long waitStart = System.nanoTime();
			return this.slots.await(chatTokenAt + TelegramLimits.MAX_SLOT_WAIT.toNanos()).flatMap((ticket) -> {
				this.metrics.waited(Duration.ofNanos(System.nanoTime() - waitStart));
				permit.release();
				return send(claim, ticket).thenReturn(true);
			})
				.switchIfEmpty(Mono
					.defer(() -> this.store.retryLater(claim, Duration.ZERO, false, null, null).thenReturn(false)))
				.then();
		}).doFinally((signal) -> this.inFlight.decrementAndGet());
	}

	/**
	 * The last look at a 429 hold is taken after the slot, right before the call: a hold
	 * that arrived meanwhile puts the recipient back, not counted as an attempt. The
	 * ticket hears when the request was written (how late after its slot is measured
	 * then), or, for a call that never wrote it, when the send ended.
	 */
	private Mono<Void> send(Claim claim, SentWindow.Ticket ticket) {
		long held = this.hold.remainingNanos();
		if (held > 0) {
			ticket.written();
			return this.store.retryLater(claim, Duration.ofNanos(held), false, 429, "held by a 429");
		}
		Runnable onWritten = () -> {
			long late = ticket.written();
			if (late >= 0) {
				this.metrics.late(Duration.ofNanos(late));
			}
		};
		return this.telegram.sendMessage(claim.chatId(), claim.text(), claim.parseMode(), onWritten)
			.doFinally((signal) -> ticket.written())
			.flatMap((result) -> this.outcomes.record(claim, result));
	}

}
