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
import org.springframework.transaction.annotation.Transactional;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

/**
 * Reads of the users table: search, one user, users who never had a confirmed booking.
 */
@Service
public class UserQueries {

	/** At most this many search results. */
	public static final int SEARCH_LIMIT = 50;

	private static final String COLUMNS = "id, username, first_name, email, first_seen_at";

	/**
	 * Up to 50 names per column starting with {@code :prefix}, each read in order from
	 * its btree index ({@code V4__user_search_order.sql}); the case folding is the
	 * database's, on both sides, with one collation.
	 */
	private static final String PREFIX_HITS = """
			(SELECT id, lower(username COLLATE pg_c_utf8) AS matched FROM app_user
			  WHERE lower(username COLLATE pg_c_utf8) LIKE lower(:prefix COLLATE pg_c_utf8) ESCAPE '\\'
			  ORDER BY lower(username COLLATE pg_c_utf8), id LIMIT :limit)
			UNION ALL
			(SELECT id, lower(first_name COLLATE pg_c_utf8) FROM app_user
			  WHERE lower(first_name COLLATE pg_c_utf8) LIKE lower(:prefix COLLATE pg_c_utf8) ESCAPE '\\'
			  ORDER BY lower(first_name COLLATE pg_c_utf8), id LIMIT :limit)
			""";

	/**
	 * Prefix hits first, then up to 100 names containing {@code :substring}, found
	 * through an index ({@code %s}: trigrams for 3+ characters, the gram column for 1-2)
	 * and read without an ORDER BY, so the scan stops after enough rows instead of
	 * sorting every match.
	 */
	private static final String SEARCH = "WITH prefix AS (" + PREFIX_HITS + """
			), inside AS (
			  SELECT id, least(lower(username COLLATE pg_c_utf8), lower(first_name COLLATE pg_c_utf8)) AS matched
			    FROM app_user
			   WHERE %s
			     AND (lower(username COLLATE pg_c_utf8) LIKE lower(:substring COLLATE pg_c_utf8) ESCAPE '\\'
			          OR lower(first_name COLLATE pg_c_utf8) LIKE lower(:substring COLLATE pg_c_utf8) ESCAPE '\\')
			   LIMIT 2 * :limit
			), hits AS (
			  SELECT id, 0 AS rank, matched FROM prefix
			  UNION ALL
			  SELECT id, 1, matched FROM inside
			), best AS (SELECT DISTINCT ON (id) id, rank, matched FROM hits ORDER BY id, rank, matched)
			SELECT u.id, u.username, u.first_name, u.email, u.first_seen_at
			  FROM best JOIN app_user u USING (id)
			 ORDER BY best.rank, best.matched, u.id LIMIT :limit
			""";

	/** The trigram indexes answer the LIKE itself. */
	private static final String SEARCH_LONG = SEARCH.formatted("true");

	/**
	 * A gram of one or two characters, hashed as {@code V4__user_search_order.sql} does.
	 */
	private static final String SEARCH_SHORT = SEARCH
		.formatted("search_grams @> ARRAY[user_search_gram(lower(:gram COLLATE pg_c_utf8))]");

	private final DatabaseClient database;

	UserQueries(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Users whose username or first name contains the text, case-insensitively, at most
	 * {@link #SEARCH_LIMIT}. Names that start with the text come first, alphabetically,
	 * then other names that contain it; when more users match than the limit, refine the
	 * text. The text is data: {@code %}, {@code _} and backslashes match themselves.
	 */
	@Transactional(readOnly = true)
	public Flux<User> search(String text) {
		if (text == null || text.isBlank()) {
			return Flux.error(Problems.invalid("q", "q must not be blank"));
		}
		if (text.length() > 100) {
			return Flux.error(Problems.invalid("q", "q must be at most 100 characters"));
		}
		String term = text.strip();
		boolean shortText = term.codePointCount(0, term.length()) < 3;
		String escaped = escapeLike(term);
		// A cached generic plan cannot turn LIKE :prefix into an index range: plan this
		// statement for its values (SET LOCAL ends with the transaction).
		DatabaseClient.GenericExecuteSpec query = this.database.sql(shortText ? SEARCH_SHORT : SEARCH_LONG)
			.bind("prefix", escaped + "%")
			.bind("substring", "%" + escaped + "%")
			.bind("limit", SEARCH_LIMIT);
		if (shortText) {
			query = query.bind("gram", term);
		}
		return this.database.sql("SET LOCAL plan_cache_mode = force_custom_plan")
			.then()
			.thenMany(query.map(UserQueries::user).all());
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
