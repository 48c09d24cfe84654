package dev.coursehub.messaging.delivery;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The changes of a broadcast's own state that delivery makes, each as one SQL statement
 * that every instance may run at any time: a scheduled broadcast starts, a finished one
 * completes, a failing one pauses. What happens to each recipient is
 * {@link DeliveryStore}'s.
 */
@Component
class BroadcastStates {

	private final DatabaseClient database;

	private final DeliveryProperties properties;

	BroadcastStates(DatabaseClient database, DeliveryProperties properties) {
		this.database = database;
		this.properties = properties;
	}

	/** Scheduled broadcasts whose time has come start sending. */
	Flux<Long> startScheduled() {
		return this.database.sql("""
				UPDATE broadcast SET state = 'sending', started_at = now()
				WHERE state = 'scheduled' AND scheduled_at <= now()
				RETURNING id
				""").map((row) -> row.get("id", Long.class)).all();
	}

	/** Sending broadcasts with no pending or in-flight recipient left are completed. */
	Flux<Long> completeFinished() {
		return this.database.sql("""
				UPDATE broadcast b SET state = 'completed', finished_at = now()
				WHERE b.state = 'sending' AND NOT EXISTS (
				    SELECT 1 FROM broadcast_recipient r
				    WHERE r.broadcast_id = b.id AND r.status IN ('pending', 'sending'))
				RETURNING b.id
				""").map((row) -> row.get("id", Long.class)).all();
	}

	/**
	 * Pauses the sending broadcasts whose failure rate since their last resume passed the
	 * threshold. 403s do not count: blocked users are a fact of life, not a sign that
	 * something is wrong with the broadcast.
	 */
	Flux<Long> pauseFailing() {
		return this.database.sql("""
				UPDATE broadcast b
				SET state = 'paused',
				    pause_reason = format('failure rate %s%% over %s sends passed the threshold of %s%%',
				                          round(100.0 * c.failed / (c.sent + c.failed)), c.sent + c.failed,
				                          round(100.0 * :threshold))
				FROM (SELECT r.broadcast_id,
				             count(*) FILTER (WHERE r.status = 'sent') AS sent,
				             count(*) FILTER (WHERE r.status = 'failed' AND coalesce(r.error_code, 0) <> 403) AS failed
				      FROM broadcast_recipient r JOIN broadcast rb ON rb.id = r.broadcast_id
				      WHERE rb.state = 'sending' AND r.updated_at >= coalesce(rb.resumed_at, '-infinity')
				        AND r.status IN ('sent', 'failed')
				      GROUP BY r.broadcast_id) c
				WHERE b.id = c.broadcast_id AND b.state = 'sending' AND c.sent + c.failed >= :minSample
				  AND c.failed > :threshold * (c.sent + c.failed)
				RETURNING b.id
				""")
			.bind("threshold", this.properties.failureThreshold())
			.bind("minSample", this.properties.failureMinSample())
			.map((row) -> row.get("id", Long.class))
			.all();
	}

}
