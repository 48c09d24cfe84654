package dev.coursehub.messaging.broadcast;

import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.coursehub.servicekit.sql.Where;
import dev.coursehub.servicekit.web.Cursors;
import dev.coursehub.servicekit.web.Page;

/**
 * Reads broadcasts with their counts and recipient lists, newest broadcast first and
 * recipients in list order, in cursor pages.
 */
@Component
class BroadcastQueries {

	private static final String SELECT = """
			SELECT b.id, b.text, b.parse_mode, b.target::text AS target, b.state, b.pause_reason,
			       b.total_recipients, b.scheduled_at, b.created_at, b.started_at, b.finished_at,
			       c.pending, c.sending, c.sent, c.failed, c.unknown
			FROM broadcast b,
			LATERAL (SELECT count(*) FILTER (WHERE r.status = 'pending') AS pending,
			                count(*) FILTER (WHERE r.status = 'sending') AS sending,
			                count(*) FILTER (WHERE r.status = 'sent') AS sent,
			                count(*) FILTER (WHERE r.status = 'failed') AS failed,
			                count(*) FILTER (WHERE r.status = 'unknown') AS unknown
			         FROM broadcast_recipient r WHERE r.broadcast_id = b.id) c
			""";

	private final DatabaseClient database;

	private final JsonMapper json;

	BroadcastQueries(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	Mono<Broadcast> find(long id) {
		return this.database.sql(SELECT + " WHERE b.id = :id").bind("id", id).map(this::broadcast).one();
	}

	Mono<Page<Broadcast>> list(String state, String cursor, int limit) {
		Where where = new Where().and("b.state = :state", "state", state)
			.and("b.id < :after", "after", Cursors.decode(cursor));
		DatabaseClient.GenericExecuteSpec spec = this.database
			.sql(SELECT + where.sql() + " ORDER BY b.id DESC LIMIT :limit")
			.bind("limit", limit + 1);
		for (var value : where.values().entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec.map(this::broadcast).all().collectList().map((rows) -> Page.of(rows, limit, Broadcast::id));
	}

	Mono<Page<RecipientDelivery>> recipients(long broadcastId, String status, String cursor, int limit) {
		Where where = new Where().and("broadcast_id = :broadcastId", "broadcastId", broadcastId)
			.and("status = :status", "status", status)
			.and("id > :after", "after", Cursors.decode(cursor));
		DatabaseClient.GenericExecuteSpec spec = this.database.sql("""
				SELECT id, user_id, chat_id, status, telegram_message_id, error_code, error_description, attempts,
				       updated_at
				FROM broadcast_recipient""" + where.sql() + " ORDER BY id LIMIT :limit").bind("limit", limit + 1);
		for (var value : where.values().entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec
			.map((row) -> new RecipientDelivery(row.get("id", Long.class), row.get("user_id", Long.class),
					row.get("chat_id", Long.class), row.get("status", String.class),
					row.get("telegram_message_id", Long.class), row.get("error_code", Integer.class),
					row.get("error_description", String.class), row.get("attempts", Integer.class),
					row.get("updated_at", Instant.class)))
			.all()
			.collectList()
			.map((List<RecipientDelivery> rows) -> Page.of(rows, limit, RecipientDelivery::id));
	}

	private Broadcast broadcast(Readable row) {
		return new Broadcast(row.get("id", Long.class), row.get("text", String.class),
				row.get("parse_mode", String.class), this.json.readTree(row.get("target", String.class)),
				row.get("state", String.class), row.get("pause_reason", String.class),
				row.get("total_recipients", Integer.class),
				new Broadcast.Counts(row.get("pending", Long.class), row.get("sending", Long.class),
						row.get("sent", Long.class), row.get("failed", Long.class), row.get("unknown", Long.class)),
				row.get("scheduled_at", Instant.class), row.get("created_at", Instant.class),
				row.get("started_at", Instant.class), row.get("finished_at", Instant.class));
	}

}
