package dev.coursehub.analytics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.coursehub.servicekit.sql.SqlValues;

/**
 * The legacy dashboard's tables in a {@code legacy} schema and its SQL, as the seed
 * documents give it (000, 001), run over the same rows the events describe. Each figure
 * comes back as comparable text lines.
 */
final class LegacyTables {

	private final DatabaseClient db;

	LegacyTables(DatabaseClient db) {
		this.db = db;
	}

	void create() {
		Flux.just("CREATE SCHEMA IF NOT EXISTS legacy",
				"CREATE TABLE legacy.bookings (id integer PRIMARY KEY, user_id bigint, course_id integer, "
						+ "course_stream text, confirmed integer, created_at timestamptz)",
				"CREATE TABLE legacy.free_lesson_registrations (id integer PRIMARY KEY, user_id bigint, "
						+ "lesson_type text, registered_at timestamptz)",
				"CREATE TABLE legacy.events (id integer PRIMARY KEY, user_id bigint, event_type text, "
						+ "created_at timestamptz, details jsonb)")
			.concatMap((sql) -> this.db.sql(sql).then())
			.blockLast();
	}

	void insert(History history) {
		Flux.fromIterable(history.bookings)
			.concatMap((b) -> this.db.sql("INSERT INTO legacy.bookings VALUES (:id, :u, :c, :s, :st, :t)")
				.bind("id", b.id())
				.bind("u", b.userId())
				.bind("c", b.courseId())
				.bind("s", SqlValues.nullable(b.stream(), String.class))
				.bind("st", b.confirmed())
				.bind("t", b.createdAt())
				.then())
			.thenMany(Flux.fromIterable(history.registrations)
				.concatMap((r) -> this.db.sql("INSERT INTO legacy.free_lesson_registrations VALUES (:id, :u, :l, :t)")
					.bind("id", r.id())
					.bind("u", r.userId())
					.bind("l", r.lessonType())
					.bind("t", r.registeredAt())
					.then()))
			.thenMany(Flux.fromIterable(history.activities)
				.concatMap((a) -> this.db.sql("INSERT INTO legacy.events VALUES (:id, :u, :e, :t, :d::jsonb)")
					.bind("id", a.id())
					.bind("u", SqlValues.nullable(a.userId(), Long.class))
					.bind("e", a.type())
					.bind("t", a.createdAt())
					.bind("d", a.details())
					.then()))
			.blockLast();
	}

	/** getCourseStreamStats, with the course as a parameter instead of the legacy's 1. */
	List<String> streams(long courseId) {
		return lines("SELECT course_id, course_stream, COUNT(*) as total, "
				+ "SUM(CASE WHEN confirmed = 2 THEN 1 ELSE 0 END) as confirmed, "
				+ "SUM(CASE WHEN confirmed = 1 THEN 1 ELSE 0 END) as pending, "
				+ "SUM(CASE WHEN confirmed = -1 THEN 1 ELSE 0 END) as cancelled "
				+ "FROM legacy.bookings WHERE course_id = " + courseId + " AND course_stream IS NOT NULL "
				+ "GROUP BY course_id, course_stream ORDER BY course_stream", (row) -> {
					long total = row.get("total", Long.class);
					long confirmed = ((Number) row.get("confirmed")).longValue();
					// the page's conversion: confirmed / total * 100%, one decimal
					BigDecimal conversion = BigDecimal.valueOf(confirmed * 100)
						.divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
					return FigureLines.stream(row.get("course_id", Integer.class),
							row.get("course_stream", String.class), total, confirmed,
							((Number) row.get("pending")).longValue(), ((Number) row.get("cancelled")).longValue(),
							conversion);
				});
	}

	List<String> lessons() {
		return lines("WITH registrations AS (SELECT lesson_type, COUNT(*) as registration_count "
				+ "FROM legacy.free_lesson_registrations GROUP BY lesson_type), "
				+ "attendances AS (SELECT details->>'lesson_type' as lesson_type, COUNT(*) as attendance_count "
				+ "FROM legacy.events WHERE event_type = 'lesson_link_clicked' AND details->>'lesson_type' IS NOT NULL "
				+ "GROUP BY details->>'lesson_type') "
				+ "SELECT COALESCE(r.lesson_type, a.lesson_type) as lesson_type, "
				+ "COALESCE(r.registration_count, 0) as registrations, COALESCE(a.attendance_count, 0) as attendances, "
				+ "CASE WHEN COALESCE(r.registration_count, 0) = 0 THEN 0 "
				+ "ELSE ROUND((COALESCE(a.attendance_count, 0)::decimal / r.registration_count::decimal) * 100, 1) "
				+ "END as conversion_rate "
				+ "FROM registrations r FULL OUTER JOIN attendances a ON r.lesson_type = a.lesson_type ORDER BY 1",
				(row) -> FigureLines.lesson(row.get("lesson_type", String.class), row.get("registrations", Long.class),
						row.get("attendances", Long.class), row.get("conversion_rate", BigDecimal.class)));
	}

	/** Unique users, never-confirmed users, registrations and bookings by status. */
	String dashboard() {
		return Mono.zip(count("SELECT COUNT(DISTINCT user_id) as count FROM (SELECT user_id FROM legacy.bookings "
				+ "UNION SELECT user_id FROM legacy.events UNION SELECT user_id FROM legacy.free_lesson_registrations) "
				+ "AS all_users"),
				count("SELECT count(*) FROM (SELECT DISTINCT ON (user_id) user_id FROM ("
						+ "SELECT user_id FROM legacy.events WHERE user_id IS NOT NULL UNION "
						+ "SELECT user_id FROM legacy.free_lesson_registrations WHERE user_id IS NOT NULL UNION "
						+ "SELECT user_id FROM legacy.bookings WHERE user_id IS NOT NULL) AS all_users "
						+ "WHERE user_id NOT IN (SELECT DISTINCT user_id FROM legacy.bookings "
						+ "WHERE confirmed = 2 AND user_id IS NOT NULL)) never"),
				count("SELECT count(*) FROM legacy.free_lesson_registrations"),
				count("SELECT count(*) FROM legacy.bookings"),
				count("SELECT count(*) FROM legacy.bookings WHERE confirmed = 1"),
				count("SELECT count(*) FROM legacy.bookings WHERE confirmed = 2"),
				count("SELECT count(*) FROM legacy.bookings WHERE confirmed = -1"))
			.map((t) -> FigureLines.dashboard(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6(),
					t.getT7()))
			.block();
	}

	/**
	 * Growth as the legacy described it: a date series, each user's first appearance in
	 * any of the three tables, new users per day and the cumulative total including users
	 * from before the series.
	 */
	List<String> growth(LocalDate from, LocalDate to, String zone) {
		return lines("WITH firsts AS (SELECT user_id, min(t) AS first FROM ("
				+ "SELECT user_id, created_at AS t FROM legacy.bookings UNION ALL "
				+ "SELECT user_id, created_at FROM legacy.events UNION ALL "
				+ "SELECT user_id, registered_at FROM legacy.free_lesson_registrations) s "
				+ "WHERE user_id IS NOT NULL GROUP BY user_id), " + "days AS (SELECT generate_series('" + from
				+ "'::date, '" + to + "'::date, interval '1 day')::date AS day) "
				+ "SELECT d.day, (SELECT count(*) FROM firsts f WHERE (f.first AT TIME ZONE '" + zone
				+ "')::date = d.day) " + "AS new_users, (SELECT count(*) FROM firsts f WHERE (f.first AT TIME ZONE '"
				+ zone + "')::date <= d.day) AS total FROM days d ORDER BY d.day",
				(row) -> FigureLines.day(row.get("day", LocalDate.class), row.get("new_users", Long.class),
						row.get("total", Long.class)));
	}

	private Mono<Long> count(String sql) {
		return this.db.sql(sql).map((row) -> ((Number) row.get(0)).longValue()).one();
	}

	private List<String> lines(String sql, java.util.function.Function<Readable, String> line) {
		return this.db.sql(sql).map(line::apply).all().collectList().block();
	}

}
