package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.util.List;

import dev.coursehub.servicekit.web.Problems;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Workshops and runs: reads public (with ETags), changes admin-only (the gateway's rule).
 */
@RestController
class WorkshopController {

	private static final int NEXT_SESSIONS = 3;

	private final WorkshopService workshops;

	private final CatalogueQueries catalogue;

	private final Etags etags;

	WorkshopController(WorkshopService workshops, CatalogueQueries catalogue, Etags etags) {
		this.workshops = workshops;
		this.catalogue = catalogue;
		this.etags = etags;
	}

	@PostMapping("/workshops")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Workshop> create(@Valid @RequestBody WorkshopRequests.NewWorkshop request) {
		return this.workshops.create(request);
	}

	@PatchMapping("/workshops/{id}")
	Mono<Workshop> change(@PathVariable long id, @Valid @RequestBody WorkshopRequests.WorkshopChange request) {
		return this.workshops.change(id, request);
	}

	@GetMapping("/workshops")
	Mono<ResponseEntity<List<WorkshopView>>> all(@RequestParam(required = false) String location,
			@RequestParam(required = false) Boolean active, ServerWebExchange exchange) {
		Instant now = Instant.now();
		return this.etags.respond(exchange,
				this.workshops.all(location, active)
					.concatMap((w) -> this.catalogue.nextAvailable(w.id(), NEXT_SESSIONS)
						.map((s) -> s.view(now))
						.collectList()
						.map((next) -> WorkshopView.of(w, next)))
					.collectList());
	}

	@GetMapping("/workshops/{id}")
	Mono<ResponseEntity<WorkshopView>> one(@PathVariable long id, ServerWebExchange exchange) {
		Instant now = Instant.now();
		return this.etags.respond(exchange,
				this.workshops.workshop(id)
					.flatMap((w) -> this.catalogue.nextAvailable(id, NEXT_SESSIONS)
						.map((s) -> s.view(now))
						.collectList()
						.map((next) -> WorkshopView.of(w, next))));
	}

	@PostMapping("/workshops/{id}/runs")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<RunView> createRun(@PathVariable long id, @Valid @RequestBody WorkshopRequests.NewRun request) {
		return this.workshops.createRun(id, request);
	}

	@PostMapping("/workshops/{id}/runs/{runId}/repeat")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<RunView> repeat(@PathVariable long id, @PathVariable long runId,
			@Valid @RequestBody WorkshopRequests.Repeat request) {
		return this.workshops.repeatRun(id, runId, request);
	}

	@GetMapping("/workshops/{id}/runs")
	Mono<ResponseEntity<List<RunView>>> runs(@PathVariable long id, ServerWebExchange exchange) {
		return this.etags.respond(exchange,
				this.workshops.workshop(id).thenMany(this.catalogue.runs(id)).collectList());
	}

	@GetMapping("/workshops/{id}/runs/{runId}")
	Mono<ResponseEntity<RunView>> run(@PathVariable long id, @PathVariable long runId, ServerWebExchange exchange) {
		return this.etags.respond(exchange,
				this.catalogue.run(runId)
					.filter((run) -> run.workshopId() == id)
					.switchIfEmpty(Mono.error(() -> Problems.notFound("Workshop " + id + " has no run " + runId))));
	}

}
