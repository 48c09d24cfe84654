package dev.coursehub.booking.booking;

import java.time.Instant;

import dev.coursehub.booking.idempotency.Idempotency;
import dev.coursehub.servicekit.web.Page;
import dev.coursehub.servicekit.web.Problems;
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

/** The admin booking API: any user's bookings, status moves, stream changes. */
@RestController
class BookingController {

	private final BookingService bookings;

	private final Idempotency idempotency;

	BookingController(BookingService bookings, Idempotency idempotency) {
		this.bookings = bookings;
		this.idempotency = idempotency;
	}

	@PostMapping("/bookings")
	Mono<ResponseEntity<Booking>> create(@Valid @RequestBody BookingRequests.NewBooking request,
			@RequestHeader(name = Idempotency.KEY_HEADER, required = false) String key) {
		if (request.userId() == null) {
			return Mono.error(Problems.invalid("userId", "userId: must not be null"));
		}
		return this.idempotency.run("POST /bookings", key, request, Booking.class, () -> this.bookings.create(request))
			.map(Idempotency.Outcome::created);
	}

	@GetMapping("/bookings")
	Mono<Page<Booking>> list(@RequestParam(required = false) Long course, @RequestParam(required = false) String stream,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long user,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
		BookingFilter filter = new BookingFilter(course, stream, parseStatus(status), user, from, to);
		return this.bookings.list(filter, cursor, Page.checkLimit(limit));
	}

	@GetMapping("/bookings/{id}")
	Mono<Booking> one(@PathVariable long id) {
		return this.bookings.get(id);
	}

	@PostMapping("/bookings/{id}/status")
	Mono<Booking> changeStatus(@PathVariable long id, @Valid @RequestBody BookingRequests.StatusChange request) {
		return this.bookings.changeStatus(id, request.status());
	}

	@PostMapping("/bookings/{id}/stream")
	Mono<Booking> changeStream(@PathVariable long id, @Valid @RequestBody BookingRequests.StreamChange request) {
		return this.bookings.changeStream(id, request.stream());
	}

	private static BookingStatus parseStatus(String status) {
		try {
			return (status != null) ? BookingStatus.of(status) : null;
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid("status", "status " + ex.getMessage());
		}
	}

}
