package dev.coursehub.analytics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.coursehub.servicekit.metrics.RefreshedGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every figure as a Prometheus gauge, re-read from the current generation every
 * {@code coursehub.analytics.gauges.refresh}, so Grafana charts them without calling the
 * API. Sessions are limited to those starting from 30 days ago on (or not yet scheduled),
 * so the series do not grow with the history.
 */
@Component
class FigureGauges extends RefreshedGauges {

	private static final Duration SESSION_WINDOW = Duration.ofDays(30);

	private final FigureQueries figures;

	private final SessionQuery sessions;

	private final MultiGauge streamBookings;

	private final MultiGauge streamConversion;

	private final MultiGauge lessonRegistrations;

	private final MultiGauge lessonAttendances;

	private final MultiGauge lessonConversion;

	private final MultiGauge sessionFill;

	private final MultiGauge sessionAttendance;

	private final AtomicLong users = new AtomicLong();

	private final AtomicLong neverConfirmed = new AtomicLong();

	FigureGauges(FigureQueries figures, SessionQuery sessions, MeterRegistry registry,
			@Value("${coursehub.analytics.gauges.refresh}") Duration refresh) {
		super(refresh);
		this.figures = figures;
		this.sessions = sessions;
		this.streamBookings = MultiGauge.builder("coursehub.analytics.stream.bookings")
			.description("Bookings of a course stream by status (total, confirmed, pending, cancelled)")
			.register(registry);
		this.streamConversion = MultiGauge.builder("coursehub.analytics.stream.conversion")
			.description("Confirmed / total bookings of a course stream, percent")
			.register(registry);
		this.lessonRegistrations = MultiGauge.builder("coursehub.analytics.lesson.registrations")
			.description("Free-lesson registrations per lesson type")
			.register(registry);
		this.lessonAttendances = MultiGauge.builder("coursehub.analytics.lesson.attendances")
			.description("Free-lesson attendances (lesson_link_clicked) per lesson type")
			.register(registry);
		this.lessonConversion = MultiGauge.builder("coursehub.analytics.lesson.conversion")
			.description("Attendances / registrations per lesson type, percent")
			.register(registry);
		this.sessionFill = MultiGauge.builder("coursehub.analytics.session.fill")
			.description("Seats taken / capacity of a workshop session (0..1)")
			.register(registry);
		this.sessionAttendance = MultiGauge.builder("coursehub.analytics.session.attendance")
			.description("(Present + late) / enrolled of a workshop session (0..1)")
			.register(registry);
		Gauge.builder("coursehub.analytics.users.total", this.users, AtomicLong::get)
			.description("Unique users across bookings, registrations and activity")
			.register(registry);
		Gauge.builder("coursehub.analytics.users.never_confirmed", this.neverConfirmed, AtomicLong::get)
			.description("Users who never had a confirmed booking")
			.register(registry);
	}

	/** Reads every figure once and replaces the gauges' rows. */
	@Override
	protected Mono<Void> refresh() {
		return Mono.when(this.figures.streams(null).doOnNext(this::streams),
				this.figures.lessons().doOnNext(this::lessons), this.figures.dashboard().doOnNext((dashboard) -> {
					this.users.set(dashboard.users());
					this.neverConfirmed.set(dashboard.neverConfirmed());
				}), this.sessions.runs(null, null).doOnNext(this::sessions));
	}

	private void streams(List<StreamFigure> streams) {
		this.streamBookings.register(streams.stream().flatMap((f) -> {
			Tags tags = Tags.of("course", String.valueOf(f.courseId()), "stream", f.stream());
			return List
				.of(MultiGauge.Row.of(tags.and("status", "total"), f.total()),
						MultiGauge.Row.of(tags.and("status", "confirmed"), f.confirmed()),
						MultiGauge.Row.of(tags.and("status", "pending"), f.pending()),
						MultiGauge.Row.of(tags.and("status", "cancelled"), f.cancelled()))
				.stream();
		}).toList(), true);
		this.streamConversion.register(streams.stream()
			.map((f) -> MultiGauge.Row.of(Tags.of("course", String.valueOf(f.courseId()), "stream", f.stream()),
					f.conversionRate()))
			.toList(), true);
	}

	private void lessons(List<LessonFigure> lessons) {
		this.lessonRegistrations.register(lessons.stream()
			.map((f) -> MultiGauge.Row.of(Tags.of("lesson_type", f.lessonType()), f.registrations()))
			.toList(), true);
		this.lessonAttendances.register(lessons.stream()
			.map((f) -> MultiGauge.Row.of(Tags.of("lesson_type", f.lessonType()), f.attendances()))
			.toList(), true);
		this.lessonConversion.register(lessons.stream()
			.map((f) -> MultiGauge.Row.of(Tags.of("lesson_type", f.lessonType()), f.conversionRate()))
			.toList(), true);
	}

	private void sessions(List<RunFigure> runs) {
		Instant since = Instant.now().minus(SESSION_WINDOW);
		List<MultiGauge.Row<?>> fill = new java.util.ArrayList<>();
		List<MultiGauge.Row<?>> attendance = new java.util.ArrayList<>();
		for (RunFigure run : runs) {
			for (RunFigure.Session session : run.sessions()) {
				if (session.startsAt() != null && session.startsAt().isBefore(since)) {
					continue;
				}
				Tags tags = Tags.of("workshop", String.valueOf(run.workshopId()), "run", String.valueOf(run.runId()),
						"session", String.valueOf(session.sessionId()));
				fill.add(MultiGauge.Row.of(tags, session.fillRate()));
				attendance.add(MultiGauge.Row.of(tags, session.attendanceRate()));
			}
		}
		this.sessionFill.register(fill, true);
		this.sessionAttendance.register(attendance, true);
	}

}
