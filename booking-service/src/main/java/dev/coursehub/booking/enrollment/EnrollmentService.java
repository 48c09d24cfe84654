package dev.coursehub.booking.enrollment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.booking.user.UserDirectory;
import dev.coursehub.booking.user.UserFacts;
import dev.coursehub.booking.workshop.SessionEvents;
import dev.coursehub.booking.workshop.SessionStatus;
import dev.coursehub.booking.workshop.SessionView;
import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Enrollments: taking a seat (one session, a whole run all-or-nothing, or the next free
 * one of a workshop), freeing it, and cancelling a session with all its enrollments. Each
 * runs in one transaction with its events; a refusal rolls everything back.
 */
@Service
class EnrollmentService {

	private final SessionSeats seats;

	private final EnrollmentRepository enrollments;

	private final UserDirectory users;

	private final Outbox outbox;

	private final TransactionalOperator transactions;

	private final EnrollmentMetrics metrics;

	EnrollmentService(SessionSeats seats, EnrollmentRepository enrollments, UserDirectory users, Outbox outbox,
			TransactionalOperator transactions, EnrollmentMetrics metrics) {
		this.seats = seats;
		this.enrollments = enrollments;
		this.users = users;
		this.outbox = outbox;
		this.transactions = transactions;
		this.metrics = metrics;
	}

	Mono<EnrollmentRequests.EnrollmentResult> enroll(long userId, EnrollmentRequests.NewEnrollment request) {
		if (request.targets() != 1) {
			return Mono.error(Problems.invalid("sessionId", "Give exactly one of sessionId, runId, workshopId"));
		}
		Mono<List<Enrollment>> work = this.users.record(UserFacts.idOnly(userId, Instant.now()))
			.flatMap(this.outbox::append)
			.then(Mono.defer(() -> {
				if (request.sessionId() != null) {
					return enrollSession(request.sessionId(), userId).map(List::of);
				}
				if (request.runId() != null) {
					return enrollRun(request.runId(), userId);
				}
				return Boolean.TRUE.equals(request.wholeRun()) ? enrollNextRun(request.workshopId(), userId)
						: enrollNextSession(request.workshopId(), userId).map(List::of);
			}));
		return this.transactions.transactional(work)
			.doOnSuccess((made) -> this.metrics.enrolled(made.size()))
			.doOnError((ex) -> this.metrics.refused(Refusals.reason(ex)))
			.map(EnrollmentRequests.EnrollmentResult::new);
	}

	private Mono<Enrollment> enrollSession(long sessionId, long userId) {
		return this.seats.take(sessionId)
			.flatMap((taken) -> record(taken, userId, sessionId))
			.switchIfEmpty(Mono.defer(() -> refusal(sessionId, userId)));
	}

	private Mono<Enrollment> record(Seats taken, long userId, long sessionId) {
		return this.enrollments.insert(taken, userId)
			.switchIfEmpty(Mono.error(() -> Refusals.duplicate(sessionId)))
			.flatMap((enrollment) -> this.outbox.append(EnrollmentEvents.created(enrollment, taken, Instant.now()))
				.thenReturn(enrollment));
	}

	private Mono<Enrollment> refusal(long sessionId, long userId) {
		return this.seats.diagnose(sessionId, userId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No session " + sessionId)))
			.flatMap((d) -> {
				if (SessionStatus.CANCELLED.equals(d.status())) {
					return Mono.error(Refusals.cancelled(sessionId));
				}
				if (d.enrolled()) {
					return Mono.error(Refusals.duplicate(sessionId));
				}
				if (!d.active()) {
					return Mono.error(Refusals.inactive(sessionId));
				}
				if (!d.upcoming()) {
					return Mono.error(Refusals.started(sessionId));
				}
				return Mono.error(Refusals.full(sessionId));
			});
	}

	/**
	 * Every non-cancelled session of the run, or none: sessions are locked in id order
	 * first.
	 */
	private Mono<List<Enrollment>> enrollRun(long runId, long userId) {
		return this.seats.runStatus(runId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No run " + runId)))
			.flatMap(
					(status) -> SessionStatus.CANCELLED.equals(status)
							? Mono.error(Problems.conflict("Run " + runId + " is cancelled",
									Map.of("reason", "cancelled", "runId", runId)))
							: this.seats.lockRun(runId).collectList())
			.flatMap((locked) -> locked.isEmpty()
					? Mono.error(Problems.conflict("Run " + runId + " has no sessions",
							Map.of("reason", "cancelled", "runId", runId)))
					: Flux.fromIterable(locked).concatMap((s) -> enrollSession(s.id(), userId)).collectList());
	}

	private Mono<Enrollment> enrollNextSession(long workshopId, long userId) {
		return workshop(workshopId).thenMany(this.seats.candidates(workshopId, userId))
			.concatMap((id) -> this.seats.take(id).flatMap((taken) -> record(taken, userId, id)))
			.next()
			.switchIfEmpty(Mono.error(() -> Refusals.noFreeSession(workshopId)));
	}

	private Mono<List<Enrollment>> enrollNextRun(long workshopId, long userId) {
		Instant now = Instant.now();
		return workshop(workshopId).thenMany(this.seats.candidateRuns(workshopId))
			.concatMap((runId) -> this.enrollments.enrolledInRun(runId, userId)
				.filter((enrolled) -> !enrolled)
				.flatMap((free) -> this.seats.lockRun(runId).collectList())
				.filter((locked) -> !locked.isEmpty() && locked.stream().allMatch((s) -> s.takeable(now)))
				.flatMap((locked) -> Flux.fromIterable(locked)
					.concatMap((s) -> enrollSession(s.id(), userId))
					.collectList()))
			.next()
			.switchIfEmpty(Mono.error(() -> Refusals.noFreeSession(workshopId)));
	}

	private Mono<Boolean> workshop(long workshopId) {
		return this.enrollments.workshopExists(workshopId)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No workshop " + workshopId)));
	}

	Flux<Enrollment> mine(long userId, int limit) {
		return this.enrollments.findByUser(userId, limit);
	}

	/**
	 * Cancel an enrollment, freeing its seat. {@code userId} is the owner acting (who may
	 * cancel only before the session starts), or null for an admin.
	 */
	Mono<Enrollment> cancel(Long userId, long enrollmentId) {
		Mono<Enrollment> work = this.enrollments.find(enrollmentId)
			.filter((e) -> userId == null || e.userId() == userId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No enrollment " + enrollmentId)))
			.flatMap((e) -> this.seats.lock(e.sessionId()).flatMap((session) -> {
				if (userId != null && !session.startsAt().isAfter(Instant.now())) {
					return Mono.error(Refusals.started(e.sessionId()));
				}
				return this.enrollments.cancel(enrollmentId, (userId != null) ? "user" : "admin");
			}))
			.switchIfEmpty(Mono.error(() -> Problems.conflict("Enrollment " + enrollmentId + " is already cancelled",
					Map.of("enrollmentId", enrollmentId))))
			.flatMap((cancelled) -> this.seats.release(cancelled.sessionId())
				.flatMap((freed) -> this.outbox.append(EnrollmentEvents.cancelled(cancelled, freed, Instant.now())))
				.thenReturn(cancelled));
		return this.transactions.transactional(work).doOnSuccess((e) -> this.metrics.cancelled(1));
	}

	/**
	 * Cancel a session: its enrollments first, each with its own event and version, then
	 * the session itself with no seat taken.
	 */
	Mono<SessionView> cancelSession(long sessionId) {
		Instant now = Instant.now();
		Mono<CancelledSession> work = this.seats.lock(sessionId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No session " + sessionId)))
			.flatMap((locked) -> SessionStatus.CANCELLED.equals(locked.status())
					? Mono.error(Problems.conflict("Session " + sessionId + " is already cancelled",
							Map.of("sessionId", sessionId)))
					: this.enrollments.cancelSession(sessionId)
						.collectList()
						.flatMap((cancelled) -> this.enrollments.cancelSessionRow(sessionId, cancelled.size())
							.then(this.enrollments.session(sessionId))
							.flatMap((session) -> {
								List<OutboxEvent> events = new ArrayList<>();
								for (int i = 0; i < cancelled.size(); i++) {
									Seats seats = new Seats(sessionId, session.runId(), session.workshopId(),
											session.capacity(), Math.max(0, locked.seatsTaken() - i - 1),
											SessionStatus.CANCELLED, locked.version() + i + 1);
									events.add(EnrollmentEvents.cancelled(cancelled.get(i), seats, now));
								}
								events.add(SessionEvents.cancelled(session, cancelled.size(), now));
								return this.outbox.append(events)
									.thenReturn(new CancelledSession(session.view(now), cancelled.size()));
							})));
		return this.transactions.transactional(work)
			.doOnSuccess((done) -> this.metrics.cancelled(done.enrollments()))
			.map(CancelledSession::session);
	}

	private record CancelledSession(SessionView session, int enrollments) {
	}

}
