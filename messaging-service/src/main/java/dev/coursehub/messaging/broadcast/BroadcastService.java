package dev.coursehub.messaging.broadcast;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.coursehub.messaging.delivery.DeliveryMetrics;
import dev.coursehub.messaging.recipient.RecipientDirectory;
import dev.coursehub.messaging.recipient.Target;
import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.sql.SqlValues;
import dev.coursehub.servicekit.web.Problems;

/**
 * Creates broadcasts and moves them between states. The broadcast, its recipient snapshot
 * and its {@code broadcast.created.v1} job event are one transaction.
 */
@Service
class BroadcastService {

	private static final Log logger = LogFactory.getLog(BroadcastService.class);

	static final int MAX_TEXT = 4096;

	static final Set<String> PARSE_MODES = Set.of("HTML", "MarkdownV2", "Markdown");

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final RecipientDirectory directory;

	private final Outbox outbox;

	private final BroadcastQueries queries;

	private final JsonMapper json;

	private final DeliveryMetrics metrics;

	BroadcastService(DatabaseClient database, TransactionalOperator transactions, RecipientDirectory directory,
			Outbox outbox, BroadcastQueries queries, JsonMapper json, DeliveryMetrics metrics) {
		this.database = database;
		this.transactions = transactions;
		this.directory = directory;
		this.outbox = outbox;
		this.queries = queries;
		this.json = json;
		this.metrics = metrics;
	}

	Mono<Long> preview(Target target) {
		if (target == null) {
			throw Problems.invalid("target", "target is required");
		}
		return this.directory.count(target.validated());
	}

	Mono<Broadcast> create(BroadcastRequest request) {
		validate(request);
		Instant now = Instant.now();
		boolean later = request.scheduledAt() != null && request.scheduledAt().isAfter(now);
		String state = later ? "scheduled" : "sending";
		Mono<Long> created = this.database.sql("""
				INSERT INTO broadcast (text, parse_mode, target, state, total_recipients, scheduled_at, started_at)
				VALUES (:text, :parseMode, CAST(:target AS jsonb), :state, 0, :scheduledAt,
				        CASE WHEN :state = 'sending' THEN now() END)
				RETURNING id
				""")
			.bind("text", request.text())
			.bind("parseMode", SqlValues.nullable(request.parseMode(), String.class))
			.bind("target", this.json.writeValueAsString(request.target()))
			.bind("state", state)
			.bind("scheduledAt", SqlValues.nullable(request.scheduledAt(), Instant.class))
			.map((row) -> row.get("id", Long.class))
			.one()
			.flatMap((id) -> this.directory.snapshot(id, request.target()).flatMap((total) -> {
				if (total == 0) {
					return Mono.error(Problems.unprocessable("The target reaches no reachable recipient",
							Map.of("field", "target")));
				}
				return this.database.sql("UPDATE broadcast SET total_recipients = :total WHERE id = :id")
					.bind("total", total)
					.bind("id", id)
					.then()
					.then(this.outbox.append(OutboxEvent.of("broadcast.created.v1", "broadcast", id, 1, now,
							created(id, state, request, total))))
					.thenReturn(id);
			}));
		return this.transactions.transactional(created)
			.doOnNext((id) -> logger
				.info("Broadcast " + id + " created (" + state + ", target " + request.target().kind() + ")"))
			.flatMap(this.queries::find);
	}

	Mono<Broadcast> pause(long id) {
		return transition(id, Set.of("scheduled", "sending"), """
				UPDATE broadcast SET state = 'paused', pause_reason = 'paused by an admin'
				WHERE id = :id AND state IN ('scheduled', 'sending')
				""").doOnNext((broadcast) -> this.metrics.paused("admin"));
	}

	Mono<Broadcast> resume(long id) {
		return transition(id, Set.of("paused"), """
				UPDATE broadcast
				SET state = CASE WHEN started_at IS NULL AND scheduled_at > now() THEN 'scheduled' ELSE 'sending' END,
				    started_at = CASE WHEN started_at IS NULL AND scheduled_at > now() THEN NULL
				                      ELSE coalesce(started_at, now()) END,
				    pause_reason = NULL, resumed_at = now()
				WHERE id = :id AND state = 'paused'
				""");
	}

	/**
	 * Stops a broadcast for good: no new send starts; recipients not yet tried stay
	 * pending under a cancelled broadcast (never tried, never sent).
	 */
	Mono<Broadcast> cancel(long id) {
		return transition(id, Set.of("scheduled", "sending", "paused"), """
				UPDATE broadcast SET state = 'cancelled', finished_at = now()
				WHERE id = :id AND state IN ('scheduled', 'sending', 'paused')
				""");
	}

	/**
	 * Puts the failed recipients back to pending (not those Telegram answered 403: they
	 * are unreachable), and with {@code includeUnknown} also those whose outcome is
	 * unknown: an admin's explicit choice to risk a second message to them.
	 */
	Mono<Broadcast> retryFailed(long id, boolean includeUnknown) {
		Mono<Broadcast> retried = this.queries.find(id)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No broadcast " + id)))
			.flatMap((broadcast) -> {
				if ("cancelled".equals(broadcast.state()) || "scheduled".equals(broadcast.state())) {
					return Mono.error(Problems.conflict("A " + broadcast.state() + " broadcast has nothing to retry",
							Map.of("currentState", broadcast.state())));
				}
				return this.database.sql("""
						UPDATE broadcast_recipient
						SET status = 'pending', attempts = 0, next_attempt_at = '-infinity', claimed_by = NULL,
						    claimed_until = NULL, error_code = NULL, error_description = NULL, updated_at = now()
						WHERE broadcast_id = :id
						  AND ((status = 'failed' AND coalesce(error_code, 0) <> 403)
						       OR (:includeUnknown AND status = 'unknown'))
						""")
					.bind("id", id)
					.bind("includeUnknown", includeUnknown)
					.fetch()
					.rowsUpdated()
					.flatMap((count) -> (count == 0) ? Mono.just(count) : this.database.sql("""
							UPDATE broadcast SET state = 'sending', finished_at = NULL, pause_reason = NULL,
							                     resumed_at = now()
							WHERE id = :id AND state IN ('completed', 'sending')
							""").bind("id", id).then().thenReturn(count))
					.doOnNext((count) -> logger.info("Broadcast " + id + ": " + count + " recipients to retry"))
					.then(this.queries.find(id));
			});
		return this.transactions.transactional(retried);
	}

	private Mono<Broadcast> transition(long id, Set<String> from, String sql) {
		return this.database.sql(sql).bind("id", id).fetch().rowsUpdated().flatMap((updated) -> {
			if (updated == 1) {
				return this.queries.find(id);
			}
			return this.queries.find(id)
				.switchIfEmpty(Mono.error(() -> Problems.notFound("No broadcast " + id)))
				.flatMap((broadcast) -> Mono.error(Problems.conflict(
						"A " + broadcast.state() + " broadcast cannot do that; it must be one of " + from,
						Map.of("currentState", broadcast.state()))));
		});
	}

	private static void validate(BroadcastRequest request) {
		if (request == null) {
			throw Problems.invalid("text", "A broadcast needs a text and a target");
		}
		String text = request.text();
		if (text == null || text.isBlank()) {
			throw Problems.invalid("text", "text is required");
		}
		if (text.codePointCount(0, text.length()) > MAX_TEXT) {
			throw Problems.invalid("text", "text is longer than Telegram's limit of " + MAX_TEXT + " characters");
		}
		if (request.parseMode() != null && !PARSE_MODES.contains(request.parseMode())) {
			throw Problems.invalid("parseMode", "parseMode must be HTML, MarkdownV2 or Markdown");
		}
		if (request.target() == null) {
			throw Problems.invalid("target", "target is required");
		}
		request.target().validated();
	}

	private static Map<String, Object> created(long id, String state, BroadcastRequest request, long total) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("broadcastId", id);
		data.put("state", state);
		data.put("targetKind", request.target().kind());
		data.put("totalRecipients", total);
		data.put("scheduledAt", request.scheduledAt());
		return data;
	}

}
