package dev.coursehub.analytics.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * User growth per day in any time zone, summed from quarter-hour buckets (UTC): every
 * zone's offset is a multiple of 15 minutes, so a day in any zone is an exact set of
 * buckets. Reads at most 96 buckets a day of the range, plus one sum for the users before
 * it.
 */
@Component
class GrowthQuery {

	private final DatabaseClient db;

	GrowthQuery(DatabaseClient db) {
		this.db = db;
	}

	Mono<Growth> growth(LocalDate from, LocalDate to, ZoneId zone) {
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Mono<Long> before = this.db
			.sql("SELECT coalesce(sum(new_users), 0) AS users FROM growth_bucket WHERE generation = "
					+ FigureQueries.CURRENT + " AND bucket < :s")
			.bind("s", start)
			.map((row) -> FigureQueries.number(row.get("users")))
			.one();
		Mono<Map<LocalDate, Long>> perDay = this.db
			.sql("SELECT (bucket AT TIME ZONE :z)::date AS day, sum(new_users) AS users FROM growth_bucket "
					+ "WHERE generation = " + FigureQueries.CURRENT + " AND bucket >= :s AND bucket < :e GROUP BY 1")
			.bind("z", zone.getId())
			.bind("s", start)
			.bind("e", end)
			.map((row) -> Map.entry(row.get("day", LocalDate.class), FigureQueries.number(row.get("users"))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
		return Mono.zip(before, perDay).map((both) -> {
			long total = both.getT1();
			List<Growth.Day> days = new ArrayList<>();
			for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
				long added = both.getT2().getOrDefault(day, 0L);
				total += added;
				days.add(new Growth.Day(day, added, total));
			}
			return new Growth(zone.getId(), from, to, days);
		});
	}

}
