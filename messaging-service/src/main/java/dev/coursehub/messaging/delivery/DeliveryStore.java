package dev.coursehub.messaging.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.messaging.recipient.RecipientDirectory;
import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.sql.SqlValues;

/**
 * Every step of a recipient's delivery as one SQL statement, so that the database decides
 * who sends what: recipients are claimed with {@code FOR UPDATE SKIP LOCKED}; a claimed
 * recipient becomes {@code sending} (committed) right before the HTTP call, and only if
 * the claim still holds and its broadcast is still sending; its outcome is written with a
 * {@code delivery.recorded.v1} event in one transaction. What becomes of the broadcasts
 * themselves is {@link BroadcastStates}'.
 */
@Component
class DeliveryStore {

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final Outbox outbox;

	private final RecipientDirectory directory;

	private final DeliveryProperties properties;

	DeliveryStore(DatabaseClient database, TransactionalOperator transactions, Outbox outbox,
			RecipientDirectory directory, DeliveryProperties properties) {
		this.database = database;
		this.transactions = transactions;
		this.outbox = outbox;
		this.directory = directory;
		this.properties = properties;
	}

	/** Claims up to {@code batchSize} due pending recipients of sending broadcasts. */
	Mono<List<Claim>> claim() {
		return this.database.sql("""
				UPDATE broadcast_recipient r
				SET claimed_by = :me, claimed_until = now() + make_interval(secs => :lease)
				FROM broadcast b
				WHERE b.id = r.broadcast_id AND r.id IN (
				    SELECT c.id FROM broadcast_recipient c JOIN broadcast cb ON cb.id = c.broadcast_id
				    WHERE cb.state = 'sending' AND c.status = 'pending' AND c.next_attempt_at <= now()
				      AND (c.claimed_until IS NULL OR c.claimed_until < now())
				    ORDER BY c.broadcast_id, c.id
				    LIMIT :limit
				    FOR UPDATE OF c SKIP LOCKED)
				RETURNING r.id, r.broadcast_id, r.user_id, r.chat_id, r.attempts, b.text, b.parse_mode
				""")
			.bind("me", this.properties.instanceId())
			.bind("lease", (double) this.properties.lease().toSeconds())
			.bind("limit", this.properties.batchSize())
			.map((row) -> new Claim(row.get("id", Long.class), row.get("broadcast_id", Long.class),
					row.get("user_id", Long.class), row.get("chat_id", Long.class), row.get("attempts", Integer.class),
					row.get("text", String.class), row.get("parse_mode", String.class)))
			.all()
			.collectList();
	}

	/**
	 * The point of no return: true if this instance may send now. After this commits, a
	 * crash leaves the row {@code sending} until {@link #markUnknown()} finds it.
	 */
	Mono<Boolean> markSending(Claim claim) {
		return this.database.sql("""
				UPDATE broadcast_recipient r
				SET status = 'sending', attempts = attempts + 1, updated_at = now(),
				    claimed_until = now() + make_interval(secs => :lease)
				WHERE r.id = :id AND r.status = 'pending' AND r.claimed_by = :me AND r.claimed_until > now()
				  AND EXISTS (SELECT 1 FROM broadcast b WHERE b.id = r.broadcast_id AND b.state = 'sending')
				""")
			.bind("id", claim.id())
			.bind("me", this.properties.instanceId())
			.bind("lease", (double) this.properties.lease().toSeconds())
			.fetch()
			.rowsUpdated()
			.map((updated) -> updated == 1);
	}

	/** Gives a claimed, not yet sent recipient back, to be tried after {@code wait}. */
	Mono<Void> release(Claim claim, Duration wait) {
		return this.database.sql("""
				UPDATE broadcast_recipient
				SET claimed_by = NULL, claimed_until = NULL,
				    next_attempt_at = now() + make_interval(secs => :wait)
				WHERE id = :id AND status = 'pending' AND claimed_by = :me
				""")
			.bind("id", claim.id())
			.bind("me", this.properties.instanceId())
			.bind("wait", wait.toNanos() / 1e9)
			.then();
	}

	/**
	 * A send that did not happen (429) or failed in a way worth retrying: pending again
	 * after {@code wait}; a 429 does not count as an attempt.
	 */
	Mono<Void> retryLater(Claim claim, Duration wait, boolean countAttempt, Integer code, String description) {
		return this.database.sql("""
				UPDATE broadcast_recipient
				SET status = 'pending', claimed_by = NULL, claimed_until = NULL, updated_at = now(),
				    attempts = CASE WHEN :count THEN attempts ELSE attempts - 1 END,
				    next_attempt_at = now() + make_interval(secs => :wait),
				    error_code = :code, error_description = :description
				WHERE id = :id AND status = 'sending' AND claimed_by = :me
				""")
			.bind("id", claim.id())
			.bind("me", this.properties.instanceId())
			.bind("count", countAttempt)
			.bind("wait", wait.toNanos() / 1e9)
			.bind("code", SqlValues.nullable(code, Integer.class))
			.bind("description", SqlValues.nullable(description, String.class))
			.then();
	}

	Mono<Boolean> sent(Claim claim, long messageId) {
		return outcome(claim, "sent", messageId, null, null, false);
	}

	Mono<Boolean> failed(Claim claim, int code, String description, boolean unreachable) {
		return outcome(claim, "failed", null, code, description, unreachable);
	}

	private Mono<Boolean> outcome(Claim claim, String status, Long messageId, Integer code, String description,
			boolean unreachable) {
		Mono<Boolean> write = this.database.sql("""
				UPDATE broadcast_recipient
				SET status = :status, telegram_message_id = :messageId, error_code = :code,
				    error_description = :description, claimed_until = NULL, version = version + 1,
				    updated_at = now()
				WHERE id = :id AND claimed_by = :me AND status IN ('sending', 'unknown')
				RETURNING id, broadcast_id, user_id, status, telegram_message_id, error_code, error_description,
				          attempts, version, updated_at
				""")
			.bind("id", claim.id())
			.bind("me", this.properties.instanceId())
			.bind("status", status)
			.bind("messageId", SqlValues.nullable(messageId, Long.class))
			.bind("code", SqlValues.nullable(code, Integer.class))
			.bind("description", SqlValues.nullable(description, String.class))
			.map(DeliveryStore::recorded)
			.all()
			.concatMap((event) -> this.outbox.append(event).thenReturn(true))
			.next()
			.flatMap((recorded) -> unreachable
					? this.directory.markUnreachable(claim.userId(), description).thenReturn(recorded)
					: Mono.just(recorded))
			.defaultIfEmpty(false);
		return this.transactions.transactional(write);
	}

	/**
	 * Recipients left {@code sending} by an instance that stopped during the call (its
	 * claim expired): their outcome is unknown, so they are marked so and never sent
	 * again on their own.
	 */
	Mono<Long> markUnknown() {
		Mono<Long> marked = this.database.sql("""
				UPDATE broadcast_recipient
				SET status = 'unknown', version = version + 1, updated_at = now(),
				    error_description = 'outcome unknown: the sender stopped during the Telegram call'
				WHERE id IN (SELECT id FROM broadcast_recipient WHERE status = 'sending' AND claimed_until < now()
				             LIMIT 500 FOR UPDATE SKIP LOCKED)
				RETURNING id, broadcast_id, user_id, status, telegram_message_id, error_code, error_description,
				          attempts, version, updated_at
				""")
			.map(DeliveryStore::recorded)
			.all()
			.concatMap((event) -> this.outbox.append(event).thenReturn(1L))
			.count();
		return this.transactions.transactional(marked);
	}

	private static OutboxEvent recorded(Readable row) {
		Map<String, Object> data = new LinkedHashMap<>();
		long broadcastId = row.get("broadcast_id", Long.class);
		long userId = row.get("user_id", Long.class);
		data.put("broadcastId", broadcastId);
		data.put("userId", userId);
		data.put("status", row.get("status", String.class));
		data.put("telegramMessageId", row.get("telegram_message_id", Long.class));
		data.put("errorCode", row.get("error_code", Integer.class));
		data.put("errorDescription", row.get("error_description", String.class));
		data.put("attempts", row.get("attempts", Integer.class));
		Instant at = row.get("updated_at", Instant.class);
		data.put("recordedAt", at);
		return OutboxEvent.of("delivery.recorded.v1", "delivery", broadcastId + ":" + userId,
				row.get("version", Long.class), at, data);
	}

}
