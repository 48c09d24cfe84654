package dev.coursehub.messaging.recipient;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The recipients messaging-service knows, and who a {@link Target} reaches.
 */
@Service
public class RecipientDirectory {

	private final DatabaseClient database;

	RecipientDirectory(DatabaseClient database) {
		this.database = database;
	}

	/** How many reachable recipients the target reaches now. */
	public Mono<Long> count(Target target) {
		TargetQuery query = TargetQuery.of(target);
		return bind(this.database.sql("SELECT count(*) AS n FROM (" + query.sql() + ") t"), query.values())
			.map((row) -> row.get("n", Long.class))
			.one();
	}

	/**
	 * Copies the target's reachable recipients into the broadcast's recipient list, all
	 * pending; call it in the broadcast's transaction. Emits how many were copied.
	 */
	public Mono<Long> snapshot(long broadcastId, Target target) {
		TargetQuery query = TargetQuery.of(target);
		String sql = "INSERT INTO broadcast_recipient (broadcast_id, user_id, chat_id) "
				+ "SELECT :broadcastId, t.user_id, t.user_id FROM (" + query.sql() + ") t ORDER BY t.user_id";
		return bind(this.database.sql(sql).bind("broadcastId", broadcastId), query.values()).fetch().rowsUpdated();
	}

	/** After a 403: left out of every later target. */
	public Mono<Void> markUnreachable(long userId, String reason) {
		return this.database.sql("""
				UPDATE recipient SET reachable = false, unreachable_reason = :reason, unreachable_at = now(),
				                     updated_at = now()
				WHERE user_id = :userId
				""").bind("userId", userId).bind("reason", reason).then();
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
			Map<String, Object> values) {
		for (Map.Entry<String, Object> value : values.entrySet()) {
			spec = spec.bind(value.getKey(), value.getValue());
		}
		return spec;
	}

}
