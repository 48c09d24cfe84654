package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.util.List;

import dev.coursehub.servicekit.web.Problems;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Availability and the calendar (public, with ETags); changing a session (admin). */
@RestController
class SessionController {

	private final WorkshopService workshops;

	private final CatalogueQueries catalogue;

	private final WorkshopRepository repository;

	private final Etags etags;

	SessionController(WorkshopService workshops, CatalogueQueries catalogue, WorkshopRepository repository,
			Etags etags) {
		this.workshops = workshops;
		this.catalogue = catalogue;
		this.repository = repository;
		this.etags = etags;
	}

	@GetMapping("/sessions")
	Mono<ResponseEntity<List<SessionView>>> search(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Long workshop,
			@RequestParam(required = false) String location, @RequestParam(required = false) String instructor,
			@RequestParam(required = false) Boolean hasFreeSeats, @RequestParam(defaultValue = "100") int limit,
			ServerWebExchange exchange) {
		if (limit < 1 || limit > 500) {
			return Mono.error(Problems.invalid("limit", "limit must be between 1 and 500"));
		}
		Instant now = Instant.now();
		SessionFilter filter = new SessionFilter(from, to, workshop, location, instructor, hasFreeSeats, limit);
		return this.etags.respond(exchange, this.catalogue.sessions(filter).map((s) -> s.view(now)).collectList());
	}

	@GetMapping("/sessions/{id}")
	Mono<ResponseEntity<SessionView>> one(@PathVariable long id, ServerWebExchange exchange) {
		return this.etags.respond(exchange,
				this.repository.session(id)
					.switchIfEmpty(Mono.error(() -> Problems.notFound("No session " + id)))
					.map((s) -> s.view(Instant.now())));
	}

	@PatchMapping("/sessions/{id}")
	Mono<SessionView> change(@PathVariable long id, @Valid @RequestBody WorkshopRequests.SessionChange request) {
		return this.workshops.changeSession(id, request);
	}

}
