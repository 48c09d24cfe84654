package dev.coursehub.booking.user;

import java.time.Instant;

import dev.coursehub.servicekit.web.Cursors;
import dev.coursehub.servicekit.web.Page;
import dev.coursehub.servicekit.web.Problems;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

/**
 * Reads of the users table: search, one user, users who never had a confirmed booking.
 */
@Service
public class UserQueries {

	/** At most this many search results. */
	public static final int SEARCH_LIMIT = 50;

	private static final String COLUMNS = "id, username, first_name, email, first_seen_at";

	private final DatabaseClient database;

	UserQueries(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Case-insensitive substring match on username or first name, served by trigram
	 * indexes. The text is data: {@code %}, {@code _} and backslashes match themselves.
	 */
	public Flux<User> search(String text) {
		if (text == null || text.isBlank()) {
			return Flux.error(Problems.invalid("q", "q must not be blank"));
		}
		if (text.length() > 100) {
			return Flux.error(Problems.invalid("q", "q must be at most 100 characters"));
		}
		// case folding is left to the database, on both sides, with one collation
		String pattern = "%" + escapeLike(text.strip()) + "%";
		return this.database.sql("SELECT " + COLUMNS + """
				 FROM app_user
				WHERE lower(username COLLATE pg_c_utf8) LIKE lower(:pattern COLLATE pg_c_utf8) ESCAPE '\\'
				   OR lower(first_name COLLATE pg_c_utf8) LIKE lower(:pattern COLLATE pg_c_utf8) ESCAPE '\\'
				ORDER BY username NULLS LAST, first_name NULLS LAST, id
				LIMIT :limit
				""").bind("pattern", pattern).bind("limit", SEARCH_LIMIT).map(UserQueries::user).all();
	}

	public Mono<User> get(long id) {
		return this.database.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
			.bind("id", id)
			.map(UserQueries::user)
			.one()
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No user " + id)));
	}

	/** Users who never had a confirmed booking, newest id first. */
	public Mono<Page<User>> neverConfirmed(String cursor, int limit) {
		Long after = Cursors.decode(cursor);
		return this.database.sql("SELECT " + COLUMNS + """
				 FROM app_user u
				WHERE NOT EXISTS (SELECT 1 FROM booking b WHERE b.user_id = u.id AND b.status = 'confirmed')
				  AND (CAST(:after AS bigint) IS NULL OR u.id < :after)
				ORDER BY u.id DESC LIMIT :limit
				""")
			.bind("after", nullable(after, Long.class))
			.bind("limit", limit + 1)
			.map(UserQueries::user)
			.all()
			.collectList()
			.map((rows) -> Page.of(rows, limit, User::id));
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static User user(Readable row) {
		return new User(row.get("id", Long.class), row.get("username", String.class),
				row.get("first_name", String.class), row.get("email", String.class),
				row.get("first_seen_at", Instant.class));
	}

}
