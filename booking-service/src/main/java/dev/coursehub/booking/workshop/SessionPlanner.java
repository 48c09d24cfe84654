package dev.coursehub.booking.workshop;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.coursehub.servicekit.web.Problems;

/**
 * Turns the sessions of a request (listed, a series, or a run to repeat) into the
 * sessions to insert: instants from local date and times in a time zone, the workshop's
 * defaults, Day 1..n in order of start. Bad values are 400s naming the field.
 */
final class SessionPlanner {

	private final Workshop workshop;

	private final WorkshopSettings settings;

	SessionPlanner(Workshop workshop, WorkshopSettings settings) {
		this.workshop = workshop;
		this.settings = settings;
	}

	List<PlannedSession> plan(WorkshopRequests.NewRun run) {
		if ((run.sessions() == null) == (run.recurrence() == null)) {
			throw Problems.invalid("sessions", "Give either sessions or recurrence");
		}
		List<PlannedSession> planned = new ArrayList<>();
		if (run.sessions() != null) {
			for (int i = 0; i < run.sessions().size(); i++) {
				WorkshopRequests.NewSession s = run.sessions().get(i);
				planned.add(session("sessions[" + i + "].", 0, s.date(), s.startTime(), s.endTime(), s.timeZone(),
						s.location(), s.capacity(), s.instructor()));
			}
		}
		else {
			WorkshopRequests.Recurrence r = run.recurrence();
			int every = (r.everyDays() != null) ? r.everyDays() : 7;
			for (int i = 0; i < r.count(); i++) {
				planned.add(session("recurrence.", 0, r.firstDate().plusDays((long) i * every), r.startTime(),
						r.endTime(), r.timeZone(), r.location(), r.capacity(), r.instructor()));
			}
		}
		return numbered(planned);
	}

	/**
	 * The sessions of a run moved to a new start date: each keeps its day offset from the
	 * run's first day, its local times, time zone, location, instructor and capacity.
	 */
	List<PlannedSession> repeat(List<Session> sessions, LocalDate startsOn) {
		Session first = sessions.stream().min(Comparator.comparing(Session::startsAt)).orElseThrow();
		LocalDate firstDay = first.startsAt().atZone(ZoneId.of(first.timeZone())).toLocalDate();
		List<PlannedSession> planned = new ArrayList<>();
		for (Session s : sessions) {
			ZoneId zone = ZoneId.of(s.timeZone());
			LocalDate day = s.startsAt().atZone(zone).toLocalDate();
			long offset = ChronoUnit.DAYS.between(firstDay, day);
			long length = ChronoUnit.DAYS.between(day, s.endsAt().atZone(zone).toLocalDate());
			LocalDate date = startsOn.plusDays(offset);
			planned.add(new PlannedSession(s.dayNumber(),
					date.atTime(s.startsAt().atZone(zone).toLocalTime()).atZone(zone).toInstant(),
					date.plusDays(length).atTime(s.endsAt().atZone(zone).toLocalTime()).atZone(zone).toInstant(),
					s.timeZone(), s.location(), s.instructor(), s.capacity()));
		}
		return planned;
	}

	/** A session after a change; what is not given stays. */
	PlannedSession change(Session s, WorkshopRequests.SessionChange c) {
		ZoneId oldZone = ZoneId.of(s.timeZone());
		return session("", s.dayNumber(), (c.date() != null) ? c.date() : s.startsAt().atZone(oldZone).toLocalDate(),
				(c.startTime() != null) ? c.startTime() : s.startsAt().atZone(oldZone).toLocalTime(),
				(c.endTime() != null) ? c.endTime() : s.endsAt().atZone(oldZone).toLocalTime(),
				(c.timeZone() != null) ? c.timeZone() : s.timeZone(),
				(c.location() != null) ? c.location() : s.location(),
				(c.capacity() != null) ? c.capacity() : s.capacity(), s.instructor());
	}

	String location(String field, String location) {
		String chosen = (location != null) ? location : this.workshop.location();
		if (!this.settings.knowsLocation(chosen)) {
			throw Problems.invalid(field, "Unknown location " + chosen + "; known: " + this.settings.locations());
		}
		return chosen;
	}

	private PlannedSession session(String prefix, int day, LocalDate date, LocalTime start, LocalTime end,
			String timeZone, String location, Integer capacity, String instructor) {
		ZoneId zone;
		try {
			zone = ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw Problems.invalid(prefix + "timeZone", "Unknown time zone " + timeZone);
		}
		if (!end.isAfter(start)) {
			throw Problems.invalid(prefix + "endTime", "endTime must be after startTime");
		}
		return new PlannedSession(day, date.atTime(start).atZone(zone).toInstant(),
				date.atTime(end).atZone(zone).toInstant(), zone.getId(), location(prefix + "location", location),
				(instructor != null) ? instructor : this.workshop.instructor(),
				(capacity != null) ? capacity : this.workshop.defaultCapacity());
	}

	private static List<PlannedSession> numbered(List<PlannedSession> planned) {
		List<PlannedSession> sorted = new ArrayList<>(planned);
		sorted.sort(Comparator.comparing(PlannedSession::startsAt));
		List<PlannedSession> numbered = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			PlannedSession s = sorted.get(i);
			numbered.add(new PlannedSession(i + 1, s.startsAt(), s.endsAt(), s.timeZone(), s.location(), s.instructor(),
					s.capacity()));
		}
		return numbered;
	}

}
