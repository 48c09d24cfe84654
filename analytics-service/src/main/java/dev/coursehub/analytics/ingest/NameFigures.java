package dev.coursehub.analytics.ingest;

import java.util.List;

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

	Mono<Void> apply(long generation, Fold fold) {
		return courses(generation, fold).then(streams(generation, fold));
	}

	private Mono<Void> courses(long generation, Fold fold) {
		if (fold.courses.isEmpty()) {
			return Mono.empty();
		}
		List<CourseCreated> courses = Fold.values(fold.courses);
		return this.db.sql("INSERT INTO course_name (generation, course_id, title, version) SELECT :g, * FROM "
				+ "unnest(:c::bigint[], :t::text[], :v::bigint[]) ON CONFLICT (generation, course_id) DO UPDATE "
				+ "SET title = EXCLUDED.title, version = EXCLUDED.version WHERE course_name.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("c", courses.stream().map(CourseCreated::courseId).toArray(Long[]::new))
			.bind("t", courses.stream().map(CourseCreated::title).toArray(String[]::new))
			.bind("v", fold.courses.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

	private Mono<Void> streams(long generation, Fold fold) {
		if (fold.streams.isEmpty()) {
			return Mono.empty();
		}
		List<StreamChanged> streams = Fold.values(fold.streams);
		return this.db
			.sql("INSERT INTO stream_name (generation, stream_id, course_id, code, name, status, version) "
					+ "SELECT :g, * FROM unnest(:s::bigint[], :c::bigint[], :code::text[], :n::text[], :st::text[], "
					+ ":v::bigint[]) ON CONFLICT (generation, stream_id) DO UPDATE SET course_id = EXCLUDED.course_id, "
					+ "code = EXCLUDED.code, name = EXCLUDED.name, status = EXCLUDED.status, "
					+ "version = EXCLUDED.version WHERE stream_name.version < EXCLUDED.version")
			.bind("g", generation)
			.bind("s", streams.stream().map(StreamChanged::streamId).toArray(Long[]::new))
			.bind("c", streams.stream().map(StreamChanged::courseId).toArray(Long[]::new))
			.bind("code", streams.stream().map(StreamChanged::code).toArray(String[]::new))
			.bind("n", streams.stream().map(StreamChanged::name).toArray(String[]::new))
			.bind("st", streams.stream().map(StreamChanged::status).toArray(String[]::new))
			.bind("v", fold.streams.values().stream().map(Fold.Versioned::version).toArray(Long[]::new))
			.then();
	}

}
