package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A run summary: its sessions with seats and status, the active enrollments over all of
 * them, and a status derived from the sessions.
 *
 * @param status {@code cancelled} (stored), {@code completed} (every session ended),
 * {@code full} (a session that has not ended has no seat left, so the whole run cannot be
 * taken), {@code active} (someone enrolled) or {@code upcoming}
 */
public record RunView(long id, long workshopId, String name, String status, LocalDate startsOn, LocalDate endsOn,
		Long clonedFrom, long enrollments, List<SessionView> sessions) {

	static RunView of(long id, long workshopId, String name, String storedStatus, Long clonedFrom, long enrollments,
			List<Session> sessions, Instant now) {
		List<SessionView> views = sessions.stream().map((s) -> s.view(now)).toList();
		List<Session> live = sessions.stream()
			.filter((s) -> !SessionStatus.CANCELLED.equals(s.storedStatus()))
			.toList();
		LocalDate startsOn = live.stream()
			.map((s) -> s.startsAt().atZone(ZoneId.of(s.timeZone())).toLocalDate())
			.min(LocalDate::compareTo)
			.orElse(null);
		LocalDate endsOn = live.stream()
			.map((s) -> s.endsAt().atZone(ZoneId.of(s.timeZone())).toLocalDate())
			.max(LocalDate::compareTo)
			.orElse(null);
		return new RunView(id, workshopId, name, status(storedStatus, live, enrollments, now), startsOn, endsOn,
				clonedFrom, enrollments, views);
	}

	private static String status(String stored, List<Session> live, long enrollments, Instant now) {
		if (SessionStatus.CANCELLED.equals(stored) || live.isEmpty()) {
			return SessionStatus.CANCELLED;
		}
		if (live.stream().allMatch((s) -> !s.endsAt().isAfter(now))) {
			return "completed";
		}
		if (live.stream().anyMatch((s) -> s.endsAt().isAfter(now) && s.seatsLeft() == 0)) {
			return "full";
		}
		return (enrollments > 0) ? "active" : "upcoming";
	}

}
