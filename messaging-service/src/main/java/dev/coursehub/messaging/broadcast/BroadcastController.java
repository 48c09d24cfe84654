package dev.coursehub.messaging.broadcast;

import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.coursehub.messaging.recipient.Target;
import dev.coursehub.servicekit.web.Page;
import dev.coursehub.servicekit.web.Problems;

/**
 * The admin API of broadcasts (the gateway lets admins only).
 */
@RestController
@RequestMapping("/broadcasts")
class BroadcastController {

	private static final Set<String> STATES = Set.of("scheduled", "sending", "paused", "completed", "cancelled");

	private static final Set<String> STATUSES = Set.of("pending", "sending", "sent", "failed", "unknown");

	private final BroadcastService broadcasts;

	private final BroadcastQueries queries;

	private final BroadcastProgress progress;

	BroadcastController(BroadcastService broadcasts, BroadcastQueries queries, BroadcastProgress progress) {
		this.broadcasts = broadcasts;
		this.queries = queries;
		this.progress = progress;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Broadcast> create(@RequestBody BroadcastRequest request) {
		return this.broadcasts.create(request);
	}

	@PostMapping("/preview")
	Mono<Map<String, Long>> preview(@RequestBody Target target) {
		return this.broadcasts.preview(target).map((count) -> Map.of("recipients", count));
	}

	@GetMapping
	Mono<Page<Broadcast>> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
		if (state != null && !STATES.contains(state)) {
			throw Problems.invalid("state", "state must be one of " + STATES);
		}
		return this.queries.list(state, cursor, Page.checkLimit(limit));
	}

	@GetMapping("/{id}")
	Mono<Broadcast> get(@PathVariable long id) {
		return found(id, this.queries.find(id));
	}

	@GetMapping("/{id}/recipients")
	Mono<Page<RecipientDelivery>> recipients(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw Problems.invalid("status", "status must be one of " + STATUSES);
		}
		int checked = Page.checkLimit(limit);
		return found(id, this.queries.find(id)).then(this.queries.recipients(id, status, cursor, checked));
	}

	@PostMapping("/{id}/pause")
	Mono<Broadcast> pause(@PathVariable long id) {
		return this.broadcasts.pause(id);
	}

	@PostMapping("/{id}/resume")
	Mono<Broadcast> resume(@PathVariable long id) {
		return this.broadcasts.resume(id);
	}

	@PostMapping("/{id}/cancel")
	Mono<Broadcast> cancel(@PathVariable long id) {
		return this.broadcasts.cancel(id);
	}

	@PostMapping("/{id}/retry-failed")
	Mono<Broadcast> retryFailed(@PathVariable long id, @RequestParam(defaultValue = "false") boolean includeUnknown) {
		return this.broadcasts.retryFailed(id, includeUnknown);
	}

	@GetMapping(path = "/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<BroadcastProgress.Progress>> progress(@PathVariable long id) {
		return found(id, this.queries.find(id)).flatMapMany((broadcast) -> this.progress.of(id))
			.map((progress) -> ServerSentEvent.builder(progress).event("progress").build());
	}

	private static <T> Mono<T> found(long id, Mono<T> value) {
		return value.switchIfEmpty(Mono.error(() -> Problems.notFound("No broadcast " + id)));
	}

}
