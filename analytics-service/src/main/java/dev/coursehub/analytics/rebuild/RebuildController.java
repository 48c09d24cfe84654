package dev.coursehub.analytics.rebuild;

import java.net.URI;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coursehub.servicekit.web.Problems;

/** Rebuild every figure from the event history (admin-only behind the gateway). */
@RestController
class RebuildController {

	private final RebuildService rebuilds;

	RebuildController(RebuildService rebuilds) {
		this.rebuilds = rebuilds;
	}

	@PostMapping("/rebuild")
	Mono<ResponseEntity<RebuildJob>> start() {
		return this.rebuilds.start()
			.map((job) -> ResponseEntity.accepted().location(URI.create("/rebuild/" + job.id())).body(job));
	}

	@GetMapping("/rebuild/{id}")
	Mono<RebuildJob> job(@PathVariable UUID id) {
		return this.rebuilds.job(id).switchIfEmpty(Mono.error(() -> Problems.notFound("no rebuild " + id)));
	}

}
