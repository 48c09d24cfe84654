package dev.coursehub.booking.course;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Courses and streams: reads are public, changes admin-only (the gateway enforces it).
 */
@RestController
class CourseController {

	private final CourseService courses;

	CourseController(CourseService courses) {
		this.courses = courses;
	}

	@PostMapping("/courses")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Course> create(@Valid @RequestBody CourseRequests.NewCourse request) {
		return this.courses.create(request);
	}

	@GetMapping("/courses")
	Flux<Course> all() {
		return this.courses.all();
	}

	@GetMapping("/courses/{id}")
	Mono<Course> one(@PathVariable long id) {
		return this.courses.course(id);
	}

	@PostMapping("/courses/{id}/streams")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<CourseStream> addStream(@PathVariable long id, @Valid @RequestBody CourseRequests.NewStream request) {
		return this.courses.addStream(id, request);
	}

	@GetMapping("/courses/{id}/streams")
	Flux<CourseStream> streams(@PathVariable long id) {
		return this.courses.streams(id);
	}

	@PatchMapping("/courses/{id}/streams/{code}")
	Mono<CourseStream> rename(@PathVariable long id, @PathVariable String code,
			@Valid @RequestBody CourseRequests.RenameStream request) {
		return this.courses.rename(id, code, request.name());
	}

	@PostMapping("/courses/{id}/streams/{code}/close")
	Mono<CourseStream> close(@PathVariable long id, @PathVariable String code) {
		return this.courses.close(id, code);
	}

}
