package dev.coursehub.booking.activity;

import dev.coursehub.booking.idempotency.Idempotency;
import dev.coursehub.servicekit.web.Problems;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Activity ingestion: any user's (admin, bots) or the caller's own ({@code /me}). */
@RestController
class ActivityController {

	private final ActivityService activities;

	private final Idempotency idempotency;

	ActivityController(ActivityService activities, Idempotency idempotency) {
		this.activities = activities;
		this.idempotency = idempotency;
	}

	@PostMapping("/activities")
	Mono<ResponseEntity<Activity>> record(@Valid @RequestBody ActivityRequest request,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		if (request.userId() == null) {
			return Mono.error(Problems.invalid("userId", "userId: must not be null"));
		}
		return run("POST /activities", key, request);
	}

	@PostMapping("/me/activities")
	Mono<ResponseEntity<Activity>> recordMine(@RequestHeader("X-User-Id") long userId,
			@Valid @RequestBody ActivityRequest body,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		return run("POST /me/activities " + userId, key, body.forUser(userId));
	}

	private Mono<ResponseEntity<Activity>> run(String scope, String key, ActivityRequest request) {
		return this.idempotency.run(scope, key, request, Activity.class, () -> this.activities.record(request))
			.map(Idempotency.Outcome::created);
	}

}
