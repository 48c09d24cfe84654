package dev.coursehub.analytics.figures;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coursehub.servicekit.web.Problems;

/** The figures admins read (admin-only behind the gateway). */
@RestController
class FiguresController {

	/** The longest growth range one call may ask for. */
	static final int MAX_GROWTH_DAYS = 3660;

	private final FigureQueries figures;

	private final GrowthQuery growth;

	private final SessionQuery sessions;

	private final String defaultTimeZone;

	FiguresController(FigureQueries figures, GrowthQuery growth, SessionQuery sessions,
			@Value("${coursehub.analytics.time-zone}") String defaultTimeZone) {
		this.figures = figures;
		this.growth = growth;
		this.sessions = sessions;
		this.defaultTimeZone = defaultTimeZone;
	}

	@GetMapping("/streams")
	Mono<List<StreamFigure>> streams(@RequestParam(required = false) @Nullable Long courseId) {
		return this.figures.streams(courseId);
	}

	@GetMapping("/lessons")
	Mono<List<LessonFigure>> lessons() {
		return this.figures.lessons();
	}

	@GetMapping("/dashboard")
	Mono<Dashboard> dashboard() {
		return this.figures.dashboard();
	}

	@GetMapping("/users/growth")
	Mono<Growth> growth(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String timeZone) {
		ZoneId zone = zone((timeZone != null) ? timeZone : this.defaultTimeZone);
		LocalDate end = (to != null) ? date("to", to) : LocalDate.now(zone);
		LocalDate start = (from != null) ? date("from", from) : end.minusDays(29);
		if (start.isAfter(end)) {
			throw Problems.invalid("from", "from must not be after to");
		}
		if (start.plusDays(MAX_GROWTH_DAYS).isBefore(end)) {
			throw Problems.invalid("to", "a growth range is at most " + MAX_GROWTH_DAYS + " days");
		}
		return this.growth.growth(start, end, zone);
	}

	@GetMapping("/sessions")
	Mono<List<RunFigure>> sessions(@RequestParam(required = false) @Nullable Long workshopId,
			@RequestParam(required = false) @Nullable Long runId) {
		return this.sessions.runs(workshopId, runId);
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw Problems.invalid(field, field + " must be a date (YYYY-MM-DD)");
		}
	}

	/**
	 * A region id from the time-zone database ({@code Europe/Moscow}, {@code UTC}); bare
	 * offsets are refused because PostgreSQL reads {@code +03:00} as POSIX, inverted.
	 */
	static ZoneId zone(String id) {
		if (!ZoneId.getAvailableZoneIds().contains(id)) {
			throw Problems.invalid("timeZone", "timeZone must be a time-zone database id such as Europe/Moscow");
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw Problems.invalid("timeZone", "timeZone must be a time-zone database id such as Europe/Moscow");
		}
	}

}
