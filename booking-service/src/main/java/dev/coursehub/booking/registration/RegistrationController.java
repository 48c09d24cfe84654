package dev.coursehub.booking.registration;

import dev.coursehub.booking.idempotency.Idempotency;
import dev.coursehub.servicekit.web.Page;
import dev.coursehub.servicekit.web.Problems;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free-lesson registrations: the admin API under {@code /registrations}, a user's own
 * under {@code /me/registrations} (user from the gateway's {@code X-User-Id}).
 */
@RestController
class RegistrationController {

	private final RegistrationService registrations;

	private final Idempotency idempotency;

	RegistrationController(RegistrationService registrations, Idempotency idempotency) {
		this.registrations = registrations;
		this.idempotency = idempotency;
	}

	@PostMapping("/registrations")
	Mono<ResponseEntity<Registration>> register(@Valid @RequestBody RegistrationRequest request,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		if (request.userId() == null) {
			return Mono.error(Problems.invalid("userId", "userId: must not be null"));
		}
		return run("POST /registrations", key, request);
	}

	@PostMapping("/me/registrations")
	Mono<ResponseEntity<Registration>> registerMe(@RequestHeader("X-User-Id") long userId,
			@Valid @RequestBody RegistrationRequest body,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		return run("POST /me/registrations " + userId, key, body.forUser(userId));
	}

	@GetMapping("/registrations")
	Mono<Page<Registration>> list(@RequestParam(required = false) String lessonType,
			@RequestParam(required = false) Long user, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int limit) {
		return this.registrations.list(lessonType, user, cursor, Page.checkLimit(limit));
	}

	@GetMapping("/me/registrations")
	Mono<Page<Registration>> mine(@RequestHeader("X-User-Id") long userId,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
		return this.registrations.list(null, userId, cursor, Page.checkLimit(limit));
	}

	@GetMapping("/registrations/{id}")
	Mono<Registration> one(@PathVariable long id) {
		return this.registrations.get(id);
	}

	@PostMapping("/registrations/{id}/notification-sent")
	Mono<Registration> notified(@PathVariable long id) {
		return this.registrations.markNotified(id);
	}

	private Mono<ResponseEntity<Registration>> run(String scope, String key, RegistrationRequest request) {
		return this.idempotency
			.run(scope, key, request, RegistrationService.Registered.class, () -> this.registrations.register(request))
			.map((outcome) -> outcome.toResponse(outcome.result().created() ? HttpStatus.CREATED : HttpStatus.OK,
					RegistrationService.Registered::registration));
	}

}
