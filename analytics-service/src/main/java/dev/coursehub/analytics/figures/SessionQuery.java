package dev.coursehub.analytics.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Session fill and attendance per workshop run, from the workshop events. */
@Component
class SessionQuery {

	private final DatabaseClient db;

	SessionQuery(DatabaseClient db) {
		this.db = db;
	}

	Mono<List<RunFigure>> runs(@Nullable Long workshopId, @Nullable Long runId) {
		String sql = "SELECT s.session_id, s.run_id, s.workshop_id, s.capacity, s.seats_taken, s.status, s.day_number, "
				+ "s.starts_at, a.enrolled, a.present, a.late, a.absent, a.unmarked, r.run_name, r.workshop_title, "
				+ "r.certificate_eligible FROM session_figure s "
				+ "JOIN run_figure r ON r.generation = s.generation AND r.run_id = s.run_id "
				+ "LEFT JOIN session_attendance a ON a.generation = s.generation AND a.session_id = s.session_id "
				+ "WHERE s.generation = " + FigureQueries.CURRENT
				+ ((workshopId != null) ? " AND s.workshop_id = :w" : "")
				+ ((runId != null) ? " AND s.run_id = :r" : "")
				+ " ORDER BY s.workshop_id, s.run_id, s.day_number NULLS LAST, s.session_id";
		DatabaseClient.GenericExecuteSpec spec = this.db.sql(sql);
		if (workshopId != null) {
			spec = spec.bind("w", workshopId);
		}
		if (runId != null) {
			spec = spec.bind("r", runId);
		}
		return spec
			.map((row) -> new Row(row.get("workshop_id", Long.class), row.get("workshop_title", String.class),
					row.get("run_id", Long.class), row.get("run_name", String.class),
					row.get("certificate_eligible", Integer.class), session(row)))
			.all()
			.collectList()
			.map(SessionQuery::byRun);
	}

	private static RunFigure.Session session(io.r2dbc.spi.Readable row) {
		int capacity = row.get("capacity", Integer.class);
		int taken = row.get("seats_taken", Integer.class);
		int enrolled = orZero(row.get("enrolled", Integer.class));
		int present = orZero(row.get("present", Integer.class));
		int late = orZero(row.get("late", Integer.class));
		return new RunFigure.Session(row.get("session_id", Long.class), row.get("day_number", Integer.class),
				row.get("starts_at", Instant.class), row.get("status", String.class), capacity, taken,
				ratio(taken, capacity), enrolled, present, late, orZero(row.get("absent", Integer.class)),
				orZero(row.get("unmarked", Integer.class)), ratio(present + late, enrolled));
	}

	private static List<RunFigure> byRun(List<Row> rows) {
		Map<Long, List<Row>> runs = new LinkedHashMap<>();
		rows.forEach((row) -> runs.computeIfAbsent(row.runId(), (id) -> new ArrayList<>()).add(row));
		List<RunFigure> figures = new ArrayList<>();
		runs.values().forEach((sessions) -> {
			Row first = sessions.get(0);
			long capacity = 0;
			long taken = 0;
			long enrolled = 0;
			long attended = 0;
			for (Row row : sessions) {
				if (!"cancelled".equals(row.session().status())) {
					capacity += row.session().capacity();
					taken += row.session().seatsTaken();
				}
				enrolled += row.session().enrolled();
				attended += row.session().present() + row.session().late();
			}
			figures.add(new RunFigure(first.workshopId(), first.workshopTitle(), first.runId(), first.runName(),
					first.certificateEligible(), ratio(taken, capacity), ratio(attended, enrolled),
					sessions.stream().map(Row::session).toList()));
		});
		return figures;
	}

	static BigDecimal ratio(long part, long whole) {
		return (whole == 0) ? BigDecimal.ZERO.setScale(4)
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private record Row(long workshopId, @Nullable String workshopTitle, long runId, @Nullable String runName,
			int certificateEligible, RunFigure.Session session) {
	}

}
