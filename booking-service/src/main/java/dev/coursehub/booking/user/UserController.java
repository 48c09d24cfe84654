package dev.coursehub.booking.user;

import java.util.List;

import dev.coursehub.servicekit.web.Page;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin user directory. */
@RestController
class UserController {

	private final UserQueries users;

	UserController(UserQueries users) {
		this.users = users;
	}

	@GetMapping("/users/search")
	Mono<List<User>> search(@RequestParam String q) {
		// at most 50: collected, so a refused query is a problem response, not a broken
		// stream
		return this.users.search(q).collectList();
	}

	@GetMapping("/users/never-confirmed")
	Mono<Page<User>> neverConfirmed(@RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "20") int limit) {
		return this.users.neverConfirmed(cursor, Page.checkLimit(limit));
	}

	@GetMapping("/users/{id}")
	Mono<User> one(@PathVariable long id) {
		return this.users.get(id);
	}

}
