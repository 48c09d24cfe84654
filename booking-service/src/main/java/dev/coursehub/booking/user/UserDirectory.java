package dev.coursehub.booking.user;

import java.time.Instant;

import dev.coursehub.servicekit.outbox.OutboxEvent;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

/**
 * The users table, upserted from every source: the latest non-empty username, first name
 * and email win; the first appearance is the earliest time any source saw the user.
 */
@Component
public class UserDirectory {

	private final DatabaseClient database;

	UserDirectory(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Record what a source knows, in the caller's transaction.
	 * @return the {@code user.updated.v1} event when something changed, empty otherwise
	 */
	public Mono<OutboxEvent> record(UserFacts facts) {
		return this.database.sql("""
				INSERT INTO app_user AS u (id, username, first_name, email, first_seen_at, updated_at)
				VALUES (:id, :username, :firstName, :email, :seenAt, now())
				ON CONFLICT (id) DO UPDATE SET
				    username = COALESCE(EXCLUDED.username, u.username),
				    first_name = COALESCE(EXCLUDED.first_name, u.first_name),
				    email = COALESCE(EXCLUDED.email, u.email),
				    first_seen_at = LEAST(u.first_seen_at, EXCLUDED.first_seen_at),
				    updated_at = now(),
				    version = u.version + 1
				WHERE EXCLUDED.username IS DISTINCT FROM u.username AND EXCLUDED.username IS NOT NULL
				   OR EXCLUDED.first_name IS DISTINCT FROM u.first_name AND EXCLUDED.first_name IS NOT NULL
				   OR EXCLUDED.email IS DISTINCT FROM u.email AND EXCLUDED.email IS NOT NULL
				   OR EXCLUDED.first_seen_at < u.first_seen_at
				RETURNING id, username, first_name, first_seen_at, version
				""")
			.bind("id", facts.userId())
			.bind("username", nullable(facts.username(), String.class))
			.bind("firstName", nullable(facts.firstName(), String.class))
			.bind("email", nullable(facts.email(), String.class))
			.bind("seenAt", facts.seenAt())
			.map((row) -> OutboxEvent.of(UserUpdated.TYPE, "user", row.get("id", Long.class),
					row.get("version", Long.class), Instant.now(),
					new UserUpdated(row.get("id", Long.class), row.get("username", String.class),
							row.get("first_name", String.class), row.get("first_seen_at", Instant.class))))
			.one();
	}

}
