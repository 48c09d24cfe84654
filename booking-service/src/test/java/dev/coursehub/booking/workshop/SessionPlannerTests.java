package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionPlannerTests {

	static final WorkshopSettings settings = new WorkshopSettings(List.of("A", "B"),
			new WorkshopSettings.Certificate(100, true), java.time.Duration.ofSeconds(15),
			java.time.Duration.ofSeconds(30));

	static final Workshop workshop = new Workshop(3, "React Fundamentals", null, 12, "Lex", "A", true, 1);

	final SessionPlanner planner = new SessionPlanner(workshop, settings);

	@Test
	void numbersListedSessionsByStartAndTakesTheWorkshopsDefaults() {
		List<PlannedSession> planned = this.planner
			.plan(new WorkshopRequests.NewRun("July", List.of(session(LocalDate.parse("2026-07-07"), "B", 8),
					session(LocalDate.parse("2026-07-06"), null, null)), null));
		assertThat(planned)
			.extracting(PlannedSession::dayNumber, PlannedSession::startsAt, PlannedSession::location,
					PlannedSession::capacity, PlannedSession::instructor)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(1, Instant.parse("2026-07-06T08:00:00Z"), "A", 12, "Lex"),
					org.assertj.core.groups.Tuple.tuple(2, Instant.parse("2026-07-07T08:00:00Z"), "B", 8, "Lex"));
	}

	@Test
	void keepsLocalTimesAcrossADaylightSavingChangeWhenRepeating() {
		Session march = new Session(1, 1, 3, "r", "w", 1, Instant.parse("2026-03-20T09:00:00Z"),
				Instant.parse("2026-03-20T17:00:00Z"), "Europe/London", "A", "Lex", 12, 5, "scheduled", 3);
		Session third = new Session(2, 1, 3, "r", "w", 2, Instant.parse("2026-03-22T09:00:00Z"),
				Instant.parse("2026-03-22T12:00:00Z"), "Europe/London", "B", "Lex", 6, 0, "scheduled", 1);
		List<PlannedSession> copy = this.planner.repeat(List.of(march, third), LocalDate.parse("2026-07-01"));
		assertThat(copy).extracting(PlannedSession::startsAt, PlannedSession::endsAt, PlannedSession::capacity)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-07-01T08:00:00Z"),
							Instant.parse("2026-07-01T16:00:00Z"), 12),
					org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-07-03T08:00:00Z"),
							Instant.parse("2026-07-03T11:00:00Z"), 6));
	}

	@Test
	void refusesAnUnknownLocationAndAnEndBeforeTheStart() {
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.planner.plan(
					new WorkshopRequests.NewRun("r", List.of(session(LocalDate.parse("2026-07-07"), "C", null)), null)))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("field", "sessions[0].location"));
		assertThatExceptionOfType(ErrorResponseException.class)
			.isThrownBy(() -> this.planner.plan(new WorkshopRequests.NewRun("r",
					List.of(new WorkshopRequests.NewSession(LocalDate.parse("2026-07-07"), LocalTime.NOON,
							LocalTime.NOON, "UTC", null, null, null)),
					null)))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("field", "sessions[0].endTime"));
	}

	private static WorkshopRequests.NewSession session(LocalDate date, String location, Integer capacity) {
		return new WorkshopRequests.NewSession(date, LocalTime.of(9, 0), LocalTime.of(17, 0), "Europe/London", location,
				capacity, null);
	}

}
