package dev.coursehub.booking.enrollment;

import java.util.List;

import dev.coursehub.booking.idempotency.Idempotency;
import dev.coursehub.booking.workshop.SessionView;
import dev.coursehub.servicekit.web.Page;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's enrollments ({@code /me/...}: the user the gateway put in {@code X-User-Id}),
 * and the admin's cancellations of an enrollment or a whole session.
 */
@RestController
class EnrollmentController {

	static final String USER = "X-User-Id";

	private final EnrollmentService enrollments;

	private final Idempotency idempotency;

	EnrollmentController(EnrollmentService enrollments, Idempotency idempotency) {
		this.enrollments = enrollments;
		this.idempotency = idempotency;
	}

	@PostMapping("/me/enrollments")
	Mono<ResponseEntity<EnrollmentRequests.EnrollmentResult>> enroll(@RequestHeader(USER) long userId,
			@RequestBody EnrollmentRequests.NewEnrollment request,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		return this.idempotency
			.run("POST /me/enrollments " + userId, key, request, EnrollmentRequests.EnrollmentResult.class,
					() -> this.enrollments.enroll(userId, request))
			.map(Idempotency.Outcome::created);
	}

	@GetMapping("/me/enrollments")
	Mono<List<Enrollment>> mine(@RequestHeader(USER) long userId, @RequestParam(defaultValue = "50") int limit) {
		return this.enrollments.mine(userId, Page.checkLimit(limit)).collectList();
	}

	@PostMapping("/me/enrollments/{id}/cancel")
	Mono<Enrollment> cancelOwn(@RequestHeader(USER) long userId, @PathVariable long id) {
		return this.enrollments.cancel(userId, id);
	}

	@PostMapping("/enrollments/{id}/cancel")
	Mono<Enrollment> cancel(@PathVariable long id) {
		return this.enrollments.cancel(null, id);
	}

	@PostMapping("/sessions/{id}/cancel")
	Mono<SessionView> cancelSession(@PathVariable long id) {
		return this.enrollments.cancelSession(id);
	}

}
