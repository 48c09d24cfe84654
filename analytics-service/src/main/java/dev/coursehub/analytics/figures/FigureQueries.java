package dev.coursehub.analytics.figures;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Reads the figures of the current generation: a few rows each, whatever the number of
 * bookings behind them. Rates are computed with the legacy SQL's own {@code ROUND}.
 */
@Component
public class FigureQueries {

	static final String CURRENT = "(SELECT id FROM generation WHERE state = 'current')";

	private final DatabaseClient db;

	FigureQueries(DatabaseClient db) {
		this.db = db;
	}

	public Mono<List<StreamFigure>> streams(@Nullable Long courseId) {
		String sql = "SELECT f.course_id, c.title, f.stream, coalesce(n.name, f.stream) AS name, f.total, f.confirmed, "
				+ "f.pending, f.cancelled, ROUND(f.confirmed::numeric / f.total * 100, 1) AS conversion "
				+ "FROM stream_figure f "
				+ "LEFT JOIN course_name c ON c.generation = f.generation AND c.course_id = f.course_id "
				+ "LEFT JOIN LATERAL (SELECT s.name FROM stream_name s WHERE s.generation = f.generation "
				+ "AND s.course_id = f.course_id AND s.code = f.stream ORDER BY s.version DESC LIMIT 1) n ON true "
				+ "WHERE f.generation = " + CURRENT + " AND f.total > 0"
				+ ((courseId != null) ? " AND f.course_id = :c" : "") + " ORDER BY f.course_id, f.stream";
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql);
		if (courseId != null) {
			spec = spec.bind("c", courseId);
		}
		return spec
			.map((row) -> new StreamFigure(row.get("course_id", Long.class), row.get("title", String.class),
					row.get("stream", String.class), row.get("name", String.class), row.get("total", Long.class),
					row.get("confirmed", Long.class), row.get("pending", Long.class), row.get("cancelled", Long.class),
					row.get("conversion", BigDecimal.class)))
			.all()
			.collectList();
	}

	public Mono<List<LessonFigure>> lessons() {
		return this.db
			.sql("SELECT lesson_type, registrations, attendances, CASE WHEN registrations = 0 THEN 0 "
					+ "ELSE ROUND(attendances::numeric / registrations * 100, 1) END AS conversion "
					+ "FROM lesson_figure WHERE generation = " + CURRENT
					+ " AND (registrations > 0 OR attendances > 0) ORDER BY lesson_type")
			.map((row) -> new LessonFigure(row.get("lesson_type", String.class), row.get("registrations", Long.class),
					row.get("attendances", Long.class), row.get("conversion", BigDecimal.class)))
			.all()
			.collectList();
	}

	public Mono<Dashboard> dashboard() {
		Mono<Dashboard.Bookings> bookings = this.db
			.sql("SELECT coalesce(sum(bookings), 0) AS total, "
					+ "coalesce(sum(bookings) FILTER (WHERE status = 'pending'), 0) AS pending, "
					+ "coalesce(sum(bookings) FILTER (WHERE status = 'confirmed'), 0) AS confirmed, "
					+ "coalesce(sum(bookings) FILTER (WHERE status = 'cancelled'), 0) AS cancelled "
					+ "FROM status_figure WHERE generation = " + CURRENT)
			.map((row) -> new Dashboard.Bookings(number(row.get("total")), number(row.get("pending")),
					number(row.get("confirmed")), number(row.get("cancelled"))))
			.one();
		return this.db
			.sql("SELECT users, never_confirmed, registrations FROM totals_figure WHERE generation = " + CURRENT)
			.map((row) -> new long[] { row.get("users", Long.class), row.get("never_confirmed", Long.class),
					row.get("registrations", Long.class) })
			.one()
			.zipWith(bookings, (totals, byStatus) -> new Dashboard(totals[0], totals[1], totals[2], byStatus));
	}

	static long number(@Nullable Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

}
