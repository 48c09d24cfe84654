package dev.coursehub.booking.course;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

import java.time.Instant;
import java.time.LocalDate;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class CourseRepository {

	private static final String STREAM_COLUMNS = "id, course_id, code, name, starts_on, ends_on, capacity, status, version";

	private final DatabaseClient database;

	CourseRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Course> insert(String title) {
		return this.database.sql("INSERT INTO course (title) VALUES (:title) RETURNING id, title, created_at")
			.bind("title", title)
			.map(CourseRepository::course)
			.one();
	}

	Flux<Course> findAll() {
		return this.database.sql("SELECT id, title, created_at FROM course ORDER BY id")
			.map(CourseRepository::course)
			.all();
	}

	Mono<Course> find(long id) {
		return this.database.sql("SELECT id, title, created_at FROM course WHERE id = :id")
			.bind("id", id)
			.map(CourseRepository::course)
			.one();
	}

	Mono<CourseStream> insertStream(long courseId, CourseRequests.NewStream stream) {
		return this.database
			.sql("INSERT INTO course_stream (course_id, code, name, starts_on, ends_on, capacity) "
					+ "VALUES (:course, :code, :name, :startsOn, :endsOn, :capacity) "
					+ "ON CONFLICT (course_id, code) DO NOTHING RETURNING " + STREAM_COLUMNS)
			.bind("course", courseId)
			.bind("code", stream.code())
			.bind("name", stream.name())
			.bind("startsOn", nullable(stream.startsOn(), LocalDate.class))
			.bind("endsOn", nullable(stream.endsOn(), LocalDate.class))
			.bind("capacity", nullable(stream.capacity(), Integer.class))
			.map(CourseRepository::stream)
			.one();
	}

	Flux<CourseStream> findStreams(long courseId) {
		return this.database
			.sql("SELECT " + STREAM_COLUMNS + " FROM course_stream WHERE course_id = :course ORDER BY id")
			.bind("course", courseId)
			.map(CourseRepository::stream)
			.all();
	}

	Mono<CourseStream> findStream(long courseId, String code) {
		return this.database
			.sql("SELECT " + STREAM_COLUMNS + " FROM course_stream WHERE course_id = :course AND code = :code")
			.bind("course", courseId)
			.bind("code", code)
			.map(CourseRepository::stream)
			.one();
	}

	Mono<CourseStream> update(long courseId, String code, String name, String status) {
		return this.database
			.sql("UPDATE course_stream SET name = COALESCE(:name, name), "
					+ "status = COALESCE(:status, status), version = version + 1 "
					+ "WHERE course_id = :course AND code = :code RETURNING " + STREAM_COLUMNS)
			.bind("course", courseId)
			.bind("code", code)
			.bind("name", nullable(name, String.class))
			.bind("status", nullable(status, String.class))
			.map(CourseRepository::stream)
			.one();
	}

	private static Course course(Readable row) {
		return new Course(row.get("id", Long.class), row.get("title", String.class),
				row.get("created_at", Instant.class));
	}

	static CourseStream stream(Readable row) {
		return new CourseStream(row.get("id", Long.class), row.get("course_id", Long.class),
				row.get("code", String.class), row.get("name", String.class), row.get("starts_on", LocalDate.class),
				row.get("ends_on", LocalDate.class), row.get("capacity", Integer.class),
				row.get("status", String.class), row.get("version", Long.class));
	}

}
