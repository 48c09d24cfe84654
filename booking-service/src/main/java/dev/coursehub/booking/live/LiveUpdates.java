package dev.coursehub.booking.live;

import java.time.Duration;
import java.util.List;

import dev.coursehub.booking.workshop.Session;
import dev.coursehub.booking.workshop.WorkshopSettings;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

/**
 * The real-time feed of this instance: every message the Kafka listener derives is
 * multicast to the open streams. A new stream first gets the current state of the
 * upcoming sessions, then the changes (it listens before it reads, so nothing in between
 * is missed; a change may come twice, and {@code version} tells the client which is
 * newer). A stream that falls too far behind is ended, and the client reconnects to a
 * fresh state.
 */
@Component
class LiveUpdates {

	private static final int BUFFER = 4096;

	private final Sinks.Many<LiveMessage> feed = Sinks.many().multicast().directBestEffort();

	private final DatabaseClient database;

	private final Duration heartbeat;

	LiveUpdates(DatabaseClient database, WorkshopSettings settings) {
		this.database = database;
		this.heartbeat = settings.heartbeat();
	}

	void publish(List<LiveMessage> messages) {
		messages.forEach(
				(message) -> this.feed.emitNext(message, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
	}

	/** Current state, then changes, with heartbeats, for one subscriber. */
	Flux<LiveMessage> stream(Long workshop, Long user) {
		return Flux.defer(() -> {
			Sinks.Many<LiveMessage> mine = Sinks.many()
				.unicast()
				.onBackpressureBuffer(Queues.<LiveMessage>get(BUFFER).get());
			Disposable changes = this.feed.asFlux().filter((m) -> m.visibleTo(workshop, user)).subscribe((m) -> {
				if (mine.tryEmitNext(m).isFailure()) {
					mine.tryEmitError(new IllegalStateException("The stream fell behind; reconnect"));
				}
			});
			Flux<LiveMessage> heartbeats = Flux.interval(this.heartbeat).map((tick) -> LiveMessage.HEARTBEAT);
			return Flux.concat(snapshot(workshop), mine.asFlux())
				.mergeWith(heartbeats)
				.doFinally((signal) -> changes.dispose());
		});
	}

	private Flux<LiveMessage> snapshot(Long workshop) {
		return this.database.sql(Session.SELECT + """
				 WHERE s.status <> 'cancelled' AND s.ends_at > now()
				   AND (CAST(:workshop AS bigint) IS NULL OR s.workshop_id = :workshop)
				 ORDER BY s.starts_at, s.id LIMIT 500
				""")
			.bind("workshop", nullable(workshop, Long.class))
			.map(Session::from)
			.all()
			.map((s) -> new LiveMessage("session-update", s.workshopId(), null, LiveSnapshot.seats(s)));
	}

	int subscribers() {
		return this.feed.currentSubscriberCount();
	}

}
