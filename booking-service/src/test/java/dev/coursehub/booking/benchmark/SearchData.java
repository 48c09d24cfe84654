package dev.coursehub.booking.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One million users generated inside PostgreSQL, and the legacy shape holding the same
 * users: {@code legacy_bookings} (users with {@code id % 10 < 7}, plus a second booking
 * for {@code id % 10 = 0}) and {@code legacy_free_lesson_registrations}
 * ({@code id % 10 >= 5}), so every user is in at least one and a fifth of them in both.
 * <p>
 * Names are deterministic (from {@code hashint8extended(id, seed)}): usernames like
 * {@code ivan_petrov87} or {@code olga.volkova} from 40 transliterated first names and 24
 * surnames, 2% random hex handles, 10% without a username; first names 55% Cyrillic, 40%
 * Latin, 5% missing.
 */
final class SearchData {

	private static final String LATIN = "'{alexey,anna,dmitry,maria,ivan,olga,sergey,elena,nikita,tatiana,pavel,natalia,"
			+ "andrey,irina,mikhail,ekaterina,kirill,svetlana,artem,yulia,roman,daria,egor,polina,maxim,sofia,denis,"
			+ "ksenia,vladimir,victoria,john,kate,alex,mike,nick,lena,tom,emma,liam,noah}'::text[]";

	private static final String CYRILLIC = "'{Алексей,Анна,Дмитрий,Мария,Иван,Ольга,Сергей,Елена,Никита,Татьяна,Павел,"
			+ "Наталья,Андрей,Ирина,Михаил,Екатерина,Кирилл,Светлана,Артём,Юлия,Роман,Дарья,Егор,Полина,Максим,София,"
			+ "Денис,Ксения,Владимир,Виктория}'::text[]";

	private static final String SURNAMES = "'{petrov,ivanov,smirnov,kuznetsov,popov,volkov,sokolov,lebedev,kozlov,"
			+ "novikov,morozov,orlov,pavlov,semenov,golubev,vinogradov,bogdanov,fedorov,mikhailov,belov,tarasov,"
			+ "belyaev,komarov,zaitsev}'::text[]";

	private static final String SEPARATORS = "'{_,.,\"\",_,_the_}'::text[]";

	private SearchData() {
	}

	/** Load the users and the legacy tables, then VACUUM ANALYZE all three. */
	static List<String> load(Connection connection, int users) throws SQLException {
		List<String> log = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET maintenance_work_mem = '512MB'");
			// the search indexes are dropped for the bulk load and rebuilt with the
			// migration's own definitions
			List<String> indexes = new ArrayList<>();
			try (ResultSet result = statement.executeQuery(
					"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'app_user' AND indexdef LIKE '%gin%'")) {
				while (result.next()) {
					indexes.add(result.getString("indexdef"));
					log.add(result.getString("indexdef"));
				}
			}
			for (String definition : indexes) {
				statement.execute("DROP INDEX " + definition.split(" ")[2]);
			}
			long started = System.nanoTime();
			statement.execute(usersSql(users));
			log.add("app_user: " + users + " rows in " + millisSince(started) + " ms");
			started = System.nanoTime();
			for (String definition : indexes) {
				statement.execute(definition);
			}
			log.add("trigram indexes rebuilt in " + millisSince(started) + " ms");
			started = System.nanoTime();
			statement.execute("""
					CREATE TABLE legacy_bookings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					    user_id bigint, username text, first_name text)
					""");
			statement.execute("""
					CREATE TABLE legacy_free_lesson_registrations (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					    user_id bigint, username text, first_name text)
					""");
			statement.execute("""
					INSERT INTO legacy_bookings (user_id, username, first_name)
					SELECT id, username, first_name FROM app_user WHERE id % 10 < 7
					UNION ALL
					SELECT id, username, first_name FROM app_user WHERE id % 10 = 0
					""");
			statement.execute("""
					INSERT INTO legacy_free_lesson_registrations (user_id, username, first_name)
					SELECT id, username, first_name FROM app_user WHERE id % 10 >= 5
					""");
			statement.execute("CREATE INDEX ON legacy_bookings (user_id)");
			statement.execute("CREATE INDEX ON legacy_free_lesson_registrations (user_id)");
			log.add("legacy tables loaded in " + millisSince(started) + " ms");
			started = System.nanoTime();
			statement.execute("VACUUM ANALYZE app_user");
			statement.execute("VACUUM ANALYZE legacy_bookings");
			statement.execute("VACUUM ANALYZE legacy_free_lesson_registrations");
			log.add("VACUUM ANALYZE in " + millisSince(started) + " ms");
			try (ResultSet result = statement.executeQuery("""
					SELECT relname, n_live_tup, last_analyze, last_vacuum,
					       pg_size_pretty(pg_total_relation_size(relid)) AS size
					FROM pg_stat_user_tables
					WHERE relname IN ('app_user', 'legacy_bookings', 'legacy_free_lesson_registrations')
					ORDER BY relname
					""")) {
				while (result.next()) {
					log.add(result.getString("relname") + ": " + result.getLong("n_live_tup") + " rows, "
							+ result.getString("size") + " with indexes, analyzed " + result.getString("last_analyze"));
				}
			}
		}
		return log;
	}

	private static String usersSql(int users) {
		return """
				INSERT INTO app_user (id, username, first_name, first_seen_at, updated_at)
				SELECT g.i,
				       CASE WHEN h.a %% 10 = 0 THEN NULL
				            WHEN h.a %% 50 = 1 THEN 'tg' || substr(md5(g.i::text), 1, 10)
				            ELSE (%1$s)[1 + h.b %% 40] || (%4$s)[1 + h.c %% 5] || (%3$s)[1 + h.d %% 24]
				                 || CASE h.e %% 3 WHEN 0 THEN '' WHEN 1 THEN (60 + h.f %% 40)::text
				                                  ELSE (h.f %% 10000)::text END
				       END,
				       CASE WHEN h.g %% 20 = 0 THEN NULL
				            WHEN h.g %% 20 < 12 THEN (%2$s)[1 + h.h %% 30]
				            ELSE initcap((%1$s)[1 + h.h %% 40])
				       END,
				       now() - (g.i %% 1000) * interval '1 day', now()
				FROM generate_series(1, %5$d) AS g(i),
				     LATERAL (SELECT hashint8extended(g.i, 1) & 9223372036854775807 AS x,
										hashint8extended(g.i, 2) & 9223372036854775807 AS y) r,
				     LATERAL (SELECT r.x %% 1000 AS a, (r.x / 1000) %% 1000 AS b, (r.x / 1000000) %% 1000 AS c,
				                     (r.x / 1000000000) %% 1000 AS d, (r.x / 1000000000000) %% 1000 AS e,
				                     r.y %% 1000000 AS f, (r.y / 1000000) %% 1000 AS g,
				                     (r.y / 1000000000) %% 1000 AS h) h
				""".formatted(LATIN, CYRILLIC, SURNAMES, SEPARATORS, users);
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
