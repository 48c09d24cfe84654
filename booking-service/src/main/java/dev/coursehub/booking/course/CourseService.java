package dev.coursehub.booking.course;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses and their streams. Other features resolve a stream code through here. Every
 * change writes its event to the outbox in the same transaction.
 */
@Service
public class CourseService {

	private final CourseRepository courses;

	private final Outbox outbox;

	CourseService(CourseRepository courses, Outbox outbox) {
		this.courses = courses;
		this.outbox = outbox;
	}

	@Transactional
	public Mono<Course> create(CourseRequests.NewCourse request) {
		return this.courses.insert(request.title().strip()).flatMap(publish(CourseEvents::created));
	}

	Flux<Course> all() {
		return this.courses.findAll();
	}

	public Mono<Course> course(long id) {
		return this.courses.find(id).switchIfEmpty(Mono.error(() -> Problems.notFound("No course " + id)));
	}

	@Transactional
	public Mono<CourseStream> addStream(long courseId, CourseRequests.NewStream request) {
		if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
			return Mono.error(Problems.invalid("endsOn", "endsOn must not be before startsOn"));
		}
		return course(courseId).then(this.courses.insertStream(courseId, request))
			.switchIfEmpty(Mono.error(() -> Problems
				.conflict("Course " + courseId + " already has a stream " + request.code(), Map.of("field", "code"))))
			.flatMap(publish((stream) -> CourseEvents.streamCreated(stream, Instant.now())));
	}

	Flux<CourseStream> streams(long courseId) {
		return course(courseId).thenMany(this.courses.findStreams(courseId));
	}

	/**
	 * The stream with this code, which must exist; {@code field} names the request field.
	 */
	public Mono<CourseStream> stream(long courseId, String code, String field) {
		return this.courses.findStream(courseId, code)
			.switchIfEmpty(Mono.error(() -> Problems.invalid(field, "Course " + courseId + " has no stream " + code)));
	}

	@Transactional
	public Mono<CourseStream> rename(long courseId, String code, String name) {
		return this.courses.update(courseId, code, name.strip(), null)
			.switchIfEmpty(notFound(courseId, code))
			.flatMap(publish((stream) -> CourseEvents.streamUpdated(stream, Instant.now())));
	}

	@Transactional
	public Mono<CourseStream> close(long courseId, String code) {
		return this.courses.update(courseId, code, null, "closed")
			.switchIfEmpty(notFound(courseId, code))
			.flatMap(publish((stream) -> CourseEvents.streamUpdated(stream, Instant.now())));
	}

	private <T> Function<T, Mono<T>> publish(Function<T, OutboxEvent> event) {
		return (value) -> this.outbox.append(event.apply(value)).thenReturn(value);
	}

	private static Mono<CourseStream> notFound(long courseId, String code) {
		return Mono.error(() -> Problems.notFound("Course " + courseId + " has no stream " + code));
	}

}
