package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;

/**
 * The catalogue's writes: workshops, runs with their sessions (listed, recurring or
 * repeated from another run) and changes of a session. Every session change publishes its
 * event in the same transaction. An instructor double-booked is refused by the database's
 * exclusion constraint; the 409 names the session it overlaps, looked up after the
 * rollback.
 */
@Service
class WorkshopService {

	private final WorkshopRepository workshops;

	private final CatalogueQueries catalogue;

	private final Outbox outbox;

	private final TransactionalOperator transactions;

	private final WorkshopSettings settings;

	WorkshopService(WorkshopRepository workshops, CatalogueQueries catalogue, Outbox outbox,
			TransactionalOperator transactions, WorkshopSettings settings) {
		this.workshops = workshops;
		this.catalogue = catalogue;
		this.outbox = outbox;
		this.transactions = transactions;
		this.settings = settings;
	}

	Mono<Workshop> create(WorkshopRequests.NewWorkshop request) {
		if (!this.settings.knowsLocation(request.location())) {
			return Mono.error(unknownLocation(request.location()));
		}
		return this.workshops.insert(request);
	}

	Mono<Workshop> change(long id, WorkshopRequests.WorkshopChange change) {
		if (change.location() != null && !this.settings.knowsLocation(change.location())) {
			return Mono.error(unknownLocation(change.location()));
		}
		return this.workshops.update(id, change).switchIfEmpty(Mono.error(() -> noWorkshop(id)));
	}

	Flux<Workshop> all(String location, Boolean active) {
		return this.workshops.findAll(location, active);
	}

	Mono<Workshop> workshop(long id) {
		return this.workshops.find(id).switchIfEmpty(Mono.error(() -> noWorkshop(id)));
	}

	Mono<RunView> createRun(long workshopId, WorkshopRequests.NewRun request) {
		return workshop(workshopId).flatMap((workshop) -> {
			List<PlannedSession> planned = new SessionPlanner(workshop, this.settings).plan(request);
			return insertRun(workshopId, request.name(), null, planned);
		});
	}

	Mono<RunView> repeatRun(long workshopId, long runId, WorkshopRequests.Repeat request) {
		return workshop(workshopId).flatMap((workshop) -> this.workshops.runSessions(runId)
			.filter((s) -> s.workshopId() == workshopId && !SessionStatus.CANCELLED.equals(s.storedStatus()))
			.collectList()
			.flatMap((sessions) -> {
				if (sessions.isEmpty()) {
					return Mono.error(Problems
						.notFound("Workshop " + workshopId + " has no run " + runId + " with sessions to repeat"));
				}
				List<PlannedSession> planned = new SessionPlanner(workshop, this.settings).repeat(sessions,
						request.startsOn());
				return insertRun(workshopId, request.name(), runId, planned);
			}));
	}

	Mono<SessionView> changeSession(long sessionId, WorkshopRequests.SessionChange change) {
		Mono<Session> changed = this.workshops.session(sessionId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No session " + sessionId)))
			.flatMap((session) -> {
				if (SessionStatus.CANCELLED.equals(session.storedStatus())) {
					return Mono.error(Problems.conflict("Session " + sessionId + " is cancelled",
							Map.of("sessionId", sessionId, "status", SessionStatus.CANCELLED)));
				}
				return this.workshops.find(session.workshopId())
					.map((workshop) -> new SessionPlanner(workshop, this.settings).change(session, change));
			})
			.flatMap((planned) -> this.transactions
				.transactional(this.workshops.updateSession(sessionId, planned)
					.switchIfEmpty(Mono.error(() -> Problems.conflict("Session " + sessionId + " is cancelled",
							Map.of("sessionId", sessionId, "status", SessionStatus.CANCELLED))))
					.flatMap((session) -> this.outbox.append(SessionEvents.updated(session, Instant.now()))
						.thenReturn(session)))
				.onErrorResume((ex) -> Constraints.violated(ex, Constraints.SEATS),
						(ex) -> Mono.error(Problems.conflict(
								"Capacity " + planned.capacity() + " is below the seats already taken",
								Map.of("field", "capacity"))))
				.onErrorResume((ex) -> Constraints.violated(ex, Constraints.INSTRUCTOR_OVERLAP),
						(ex) -> conflict(List.of(planned), sessionId)));
		return changed.map((session) -> session.view(Instant.now()));
	}

	private Mono<RunView> insertRun(long workshopId, String name, Long clonedFrom, List<PlannedSession> planned) {
		Instant now = Instant.now();
		Mono<Long> run = this.workshops.insertRun(workshopId, name, clonedFrom)
			.flatMap((runId) -> Flux.fromIterable(planned)
				.concatMap((s) -> this.workshops.insertSession(runId, workshopId, s))
				.thenMany(this.workshops.runSessions(runId))
				.map((session) -> SessionEvents.created(session, now))
				.collectList()
				.flatMap(this.outbox::append)
				.thenReturn(runId));
		return this.transactions.transactional(run)
			.onErrorResume((ex) -> Constraints.violated(ex, Constraints.INSTRUCTOR_OVERLAP),
					(ex) -> conflict(planned, -1))
			.flatMap(this.catalogue::run);
	}

	/** The 409 for an instructor overlap, naming the existing session it overlaps. */
	private <T> Mono<T> conflict(List<PlannedSession> planned, long except) {
		return Flux.fromIterable(planned)
			.filter((s) -> s.instructor() != null)
			.concatMap((s) -> this.workshops.overlapping(s.instructor(), s, except))
			.next()
			.flatMap((id) -> Mono
				.<T>error(Problems.conflict("The instructor already teaches session " + id + " at an overlapping time",
						Map.of("field", "instructor", "conflictingSessionId", id))))
			.switchIfEmpty(Mono
				.error(() -> Problems.conflict("Sessions of the request overlap each other for the same instructor",
						Map.of("field", "sessions"))));
	}

	private ErrorResponseException unknownLocation(String location) {
		return Problems.invalid("location", "Unknown location " + location + "; known: " + this.settings.locations());
	}

	private static ErrorResponseException noWorkshop(long id) {
		return Problems.notFound("No workshop " + id);
	}

}
