package dev.coursehub.messaging.broadcast;

import java.time.Duration;
import java.util.Set;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A broadcast's progress every second until it is completed or cancelled: its counts, the
 * rate observed on this stream, and the time the pending recipients still need at that
 * rate (at the configured global rate before anything was observed).
 */
@Component
class BroadcastProgress {

	private static final Set<String> FINAL = Set.of("completed", "cancelled");

	private final BroadcastQueries queries;

	private final int globalPerSecond;

	private final Duration interval;

	BroadcastProgress(BroadcastQueries queries,
			@Value("${coursehub.telegram.global-per-second:25}") int globalPerSecond,
			@Value("${coursehub.broadcasts.progress-interval:1s}") Duration interval) {
		this.queries = queries;
		this.globalPerSecond = globalPerSecond;
		this.interval = interval;
	}

	Flux<Progress> of(long id) {
		long startedNanos = System.nanoTime();
		long[] doneAtStart = { -1 };
		return Flux.interval(Duration.ZERO, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> this.queries.find(id), 1)
			.map((broadcast) -> {
				Broadcast.Counts counts = broadcast.counts();
				if (doneAtStart[0] < 0) {
					doneAtStart[0] = counts.done();
				}
				double seconds = (System.nanoTime() - startedNanos) / 1e9;
				double observed = (seconds > 0.5) ? (counts.done() - doneAtStart[0]) / seconds : 0;
				double rate = (observed > 0) ? observed : this.globalPerSecond;
				long remaining = counts.pending() + counts.sending();
				Long eta = FINAL.contains(broadcast.state()) ? Long.valueOf(0)
						: "sending".equals(broadcast.state()) ? Long.valueOf((long) Math.ceil(remaining / rate)) : null;
				return new Progress(id, broadcast.state(), broadcast.pauseReason(), broadcast.totalRecipients(),
						counts.pending(), counts.sending(), counts.sent(), counts.failed(), counts.unknown(),
						Math.round(observed * 10) / 10.0, eta);
			})
			.takeUntil((progress) -> FINAL.contains(progress.state()));
	}

	/**
	 * One progress event; {@code etaSeconds} is null while the broadcast is paused or
	 * scheduled.
	 */
	record Progress(long broadcastId, String state, String pauseReason, int total, long pending, long sending,
			long sent, long failed, long unknown, double sendsPerSecond, Long etaSeconds) {

	}

}
