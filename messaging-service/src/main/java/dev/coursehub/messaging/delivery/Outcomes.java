package dev.coursehub.messaging.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.coursehub.messaging.telegram.SendResult;

/**
 * Records the outcome of each send and keeps the broadcasts up with them: a send is
 * recorded sent, failed or to be retried, a 429 holds every sender ({@link SenderHold}),
 * the failure rate is judged every ten outcomes when one of them failed, and finished
 * broadcasts are completed every batch of outcomes, not only when a round ends.
 */
class Outcomes {

	// its lines keep the category they had when the worker recorded the outcomes itself
	private static final Log logger = LogFactory.getLog(DeliveryWorker.class);

	private final DeliveryStore store;

	private final BroadcastStates broadcasts;

	private final DeliveryProperties properties;

	private final DeliveryMetrics metrics;

	private final SenderHold hold;

	private final AtomicLong outcomes = new AtomicLong();

	private final AtomicInteger failuresSinceJudged = new AtomicInteger();

	Outcomes(DeliveryStore store, BroadcastStates broadcasts, DeliveryProperties properties, DeliveryMetrics metrics,
			SenderHold hold) {
		this.store = store;
		this.broadcasts = broadcasts;
		this.properties = properties;
		this.metrics = metrics;
		this.hold = hold;
	}

	/**
	 * Records the outcome. The failure rate is judged every ten outcomes when one of them
	 * failed, and finished broadcasts are completed every batch of outcomes, not only
	 * when a round ends.
	 */
	Mono<Void> record(Claim claim, SendResult result) {
		Mono<Void> recorded = recordOutcome(claim, result);
		if (!(result instanceof SendResult.Sent || result instanceof SendResult.Blocked)) {
			this.failuresSinceJudged.incrementAndGet();
		}
		long count = this.outcomes.incrementAndGet();
		if (count % this.properties.batchSize() == 0) {
			return recorded.thenMany(completeFinished()).then();
		}
		// only a failure can raise a failure rate: without one there is nothing to judge
		if (count % 10 == 0 && this.failuresSinceJudged.getAndSet(0) > 0) {
			return recorded.then(pauseFailing());
		}
		return recorded;
	}

	Flux<Long> completeFinished() {
		return this.broadcasts.completeFinished().doOnNext((id) -> logger.info("Broadcast " + id + " completed"));
	}

	Mono<Void> pauseFailing() {
		return this.broadcasts.pauseFailing().doOnNext((id) -> {
			this.metrics.paused("failure_rate");
			logger.warn("Broadcast " + id + " paused: its failure rate passed the threshold");
		}).then();
	}

	private Mono<Void> recordOutcome(Claim claim, SendResult result) {
		int attempt = claim.attempts() + 1;
		if (result instanceof SendResult.Sent sent) {
			return this.store.sent(claim, sent.messageId()).doOnNext((ok) -> this.metrics.sent()).then();
		}
		if (result instanceof SendResult.RateLimited limited) {
			Mono<Void> held = this.hold.hold(limited.retryAfter());
			this.metrics.rateLimited();
			logger.warn("Telegram answered 429: every sender waits " + limited.retryAfter().toSeconds() + " s");
			return held.then(this.store.retryLater(claim, limited.retryAfter(), false, 429, "rate limited"));
		}
		if (result instanceof SendResult.Blocked blocked) {
			return this.store.failed(claim, blocked.code(), blocked.description(), true)
				.doOnNext((ok) -> this.metrics.failed())
				.then();
		}
		if (result instanceof SendResult.Rejected rejected) {
			return this.store.failed(claim, rejected.code(), rejected.description(), false)
				.doOnNext((ok) -> this.metrics.failed())
				.then();
		}
		SendResult.Transient failure = (SendResult.Transient) result;
		Integer code = (failure.code() == 0) ? null : failure.code();
		if (attempt >= this.properties.maxAttempts()) {
			return this.store.failed(claim, (code != null) ? code : 0, failure.description(), false)
				.doOnNext((ok) -> this.metrics.failed())
				.then();
		}
		this.metrics.retried();
		return this.store.retryLater(claim, this.properties.backoffAfter(attempt), true, code, failure.description());
	}

}
