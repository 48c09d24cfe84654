package dev.coursehub.booking.booking;

import dev.coursehub.booking.idempotency.Idempotency;
import dev.coursehub.servicekit.web.Page;
import jakarta.validation.Valid;
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
 * A user's own bookings. The user is the one the gateway verified and put in
 * {@code X-User-Id}; a user id in the body is ignored.
 */
@RestController
class MyBookingController {

	static final String USER = "X-User-Id";

	private final BookingService bookings;

	private final Idempotency idempotency;

	MyBookingController(BookingService bookings, Idempotency idempotency) {
		this.bookings = bookings;
		this.idempotency = idempotency;
	}

	@PostMapping("/me/bookings")
	Mono<ResponseEntity<Booking>> create(@RequestHeader(USER) long userId,
			@Valid @RequestBody BookingRequests.NewBooking body,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		BookingRequests.NewBooking request = body.forUser(userId);
		return this.idempotency
			.run("POST /me/bookings " + userId, key, request, Booking.class, () -> this.bookings.create(request))
			.map(Idempotency.Outcome::created);
	}

	@GetMapping("/me/bookings")
	Mono<Page<Booking>> list(@RequestHeader(USER) long userId, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int limit) {
		BookingFilter mine = new BookingFilter(null, null, null, userId, null, null);
		return this.bookings.list(mine, cursor, Page.checkLimit(limit));
	}

	@GetMapping("/me/bookings/{id}")
	Mono<Booking> one(@RequestHeader(USER) long userId, @PathVariable long id) {
		return this.bookings.getOwn(userId, id);
	}

	@PostMapping("/me/bookings/{id}/cancel")
	Mono<Booking> cancel(@RequestHeader(USER) long userId, @PathVariable long id) {
		return this.bookings.cancelOwn(userId, id);
	}

}
