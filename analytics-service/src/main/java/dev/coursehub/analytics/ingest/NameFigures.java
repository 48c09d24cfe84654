package dev.coursehub.analytics.ingest;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.coursehub.analytics.events.CourseCreated;
import dev.coursehub.analytics.events.StreamChanged;

/** Course titles and stream display names for the stream figures, newest version wins. */
@Component
class NameFigures {

	private final DatabaseClient db;

	NameFigures(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> course(long generation, CourseCreated course, long version) {
		return this.db.sql("INSERT INTO course_name (generation, course_id, title, version) VALUES (:g, :c, :t, :v) "
				+ "ON CONFLICT (generation, course_id) DO UPDATE SET title = EXCLUDED.title, version = EXCLUDED.version "
				+ "WHERE course_name.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("c", course.courseId())
			.bind("t", course.title())
			.bind("v", version)
			.then();
	}

	Mono<Void> stream(long generation, StreamChanged stream, long version) {
		return this.db.sql("INSERT INTO stream_name (generation, stream_id, course_id, code, name, status, version) "
				+ "VALUES (:g, :s, :c, :code, :n, :st, :v) ON CONFLICT (generation, stream_id) DO UPDATE SET "
				+ "course_id = EXCLUDED.course_id, code = EXCLUDED.code, name = EXCLUDED.name, "
				+ "status = EXCLUDED.status, version = EXCLUDED.version WHERE stream_name.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("s", stream.streamId())
			.bind("c", stream.courseId())
			.bind("code", stream.code())
			.bind("n", stream.name())
			.bind("st", stream.status())
			.bind("v", version)
			.then();
	}

}
