package dev.coursehub.booking.attendance;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.booking.workshop.WorkshopSettings;
import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Attendance, marked by an admin in bulk per session, and the certificate eligibility it
 * gives under the configured rule ({@link WorkshopSettings.Certificate}).
 */
@Service
class AttendanceService {

	private final AttendanceRepository attendance;

	private final Outbox outbox;

	private final TransactionalOperator transactions;

	private final WorkshopSettings.Certificate rule;

	AttendanceService(AttendanceRepository attendance, Outbox outbox, TransactionalOperator transactions,
			WorkshopSettings settings) {
		this.attendance = attendance;
		this.outbox = outbox;
		this.transactions = transactions;
		this.rule = settings.certificate();
	}

	/**
	 * Mark every listed enrollment or none: an enrollment that is not an active one of
	 * this session is a 422 naming it.
	 */
	Mono<AttendanceViews.SessionAttendance> mark(long sessionId, List<AttendanceRequests.Mark> marks) {
		Set<Long> ids = new HashSet<>();
		for (AttendanceRequests.Mark mark : marks) {
			if (!ids.add(mark.enrollmentId())) {
				return Mono.error(Problems.invalid("marks", "Enrollment " + mark.enrollmentId() + " is marked twice"));
			}
		}
		Mono<AttendanceViews.SessionAttendance> work = session(sessionId)
			.flatMap((session) -> this.attendance.mark(sessionId, marks).collectList().flatMap((marked) -> {
				if (marked.size() != marks.size()) {
					Set<Long> missing = new HashSet<>(ids);
					marked.forEach((entry) -> missing.remove(entry.enrollmentId()));
					return Mono
						.error(Problems.unprocessable("Not active enrollments of session " + sessionId + ": " + missing,
								Map.of("field", "marks", "enrollmentIds", missing)));
				}
				long runId = session[0];
				// the run's row lock first, so that concurrent marks of one run publish
				// their
				// figures in version order; then one statement after the other on the
				// transaction's connection
				return this.attendance.nextRunVersion(runId)
					.flatMap(
							(version) -> report(sessionId, session).flatMap(
									(report) -> certificates(runId).flatMap((run) -> this.outbox
										.append(OutboxEvent.of(AttendanceMarked.TYPE, "run", runId, version,
												Instant.now(), new AttendanceMarked(runId, session[1], sessionId,
														marked, report.totals(), new AttendanceMarked.RunTotals(
																run.sessions(), run.eligible()))))
										.thenReturn(report))));
			}));
		return this.transactions.transactional(work);
	}

	Mono<AttendanceViews.SessionAttendance> report(long sessionId) {
		return session(sessionId).flatMap((session) -> report(sessionId, session));
	}

	private Mono<AttendanceViews.SessionAttendance> report(long sessionId, long[] session) {
		return this.attendance.entries(sessionId).collectList().map((entries) -> {
			long present = entries.stream().filter((e) -> "present".equals(e.status())).count();
			long late = entries.stream().filter((e) -> "late".equals(e.status())).count();
			long absent = entries.stream().filter((e) -> "absent".equals(e.status())).count();
			AttendanceViews.Totals totals = new AttendanceViews.Totals(entries.size(), present, late, absent,
					entries.size() - present - late - absent);
			return new AttendanceViews.SessionAttendance(sessionId, session[0], session[1], totals, entries);
		});
	}

	Mono<AttendanceViews.RunCertificates> certificates(long runId) {
		return this.attendance.runExists(runId)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No run " + runId)))
			.then(this.attendance.runSessions(runId))
			.flatMap((sessions) -> this.attendance.attendedByUser(runId, this.rule.attendedMarks())
				.map((row) -> new AttendanceViews.Participant(row[0], row[1],
						sessions > 0 && row[1] * 100 >= (long) this.rule.minAttendedPercent() * sessions))
				.collectList()
				.map((participants) -> new AttendanceViews.RunCertificates(runId, sessions,
						this.rule.minAttendedPercent(), this.rule.lateCounts(), participants)));
	}

	private Mono<long[]> session(long sessionId) {
		return this.attendance.session(sessionId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No session " + sessionId)));
	}

}
