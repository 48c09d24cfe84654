package dev.coursehub.booking.workshop;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Workshops, runs and the writes of sessions. */
@Repository
class WorkshopRepository {

	private static final String WORKSHOP_COLUMNS = "id, title, description, default_capacity, instructor, location, active, version";

	private final DatabaseClient database;

	WorkshopRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Workshop> insert(WorkshopRequests.NewWorkshop w) {
		return this.database.sql("""
				INSERT INTO workshop (title, description, default_capacity, instructor, location, active)
				VALUES (:title, :description, :capacity, :instructor, :location, :active)
				RETURNING\s""" + WORKSHOP_COLUMNS)
			.bind("title", w.title().strip())
			.bind("description", nullable(w.description(), String.class))
			.bind("capacity", (w.defaultCapacity() != null) ? w.defaultCapacity() : 12)
			.bind("instructor", nullable(w.instructor(), String.class))
			.bind("location", w.location())
			.bind("active", (w.active() != null) ? w.active() : true)
			.map(WorkshopRepository::workshop)
			.one();
	}

	Mono<Workshop> update(long id, WorkshopRequests.WorkshopChange c) {
		return this.database.sql("""
				UPDATE workshop SET title = COALESCE(:title, title), description = COALESCE(:description, description),
				       default_capacity = COALESCE(:capacity, default_capacity),
				       instructor = COALESCE(:instructor, instructor), location = COALESCE(:location, location),
				       active = COALESCE(:active, active), version = version + 1
				 WHERE id = :id RETURNING\s""" + WORKSHOP_COLUMNS)
			.bind("id", id)
			.bind("title", nullable((c.title() != null) ? c.title().strip() : null, String.class))
			.bind("description", nullable(c.description(), String.class))
			.bind("capacity", nullable(c.defaultCapacity(), Integer.class))
			.bind("instructor", nullable(c.instructor(), String.class))
			.bind("location", nullable(c.location(), String.class))
			.bind("active", nullable(c.active(), Boolean.class))
			.map(WorkshopRepository::workshop)
			.one();
	}

	Mono<Workshop> find(long id) {
		return this.database.sql("SELECT " + WORKSHOP_COLUMNS + " FROM workshop WHERE id = :id")
			.bind("id", id)
			.map(WorkshopRepository::workshop)
			.one();
	}

	Flux<Workshop> findAll(String location, Boolean active) {
		return this.database
			.sql("SELECT " + WORKSHOP_COLUMNS
					+ " FROM workshop WHERE (CAST(:location AS text) IS NULL OR location = :location) "
					+ "AND (CAST(:active AS boolean) IS NULL OR active = :active) ORDER BY id LIMIT 500")
			.bind("location", nullable(location, String.class))
			.bind("active", nullable(active, Boolean.class))
			.map(WorkshopRepository::workshop)
			.all();
	}

	Mono<Long> insertRun(long workshopId, String name, Long clonedFrom) {
		return this.database
			.sql("INSERT INTO workshop_run (workshop_id, name, cloned_from) VALUES (:workshop, :name, :clonedFrom) "
					+ "RETURNING id")
			.bind("workshop", workshopId)
			.bind("name", name.strip())
			.bind("clonedFrom", nullable(clonedFrom, Long.class))
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Mono<Long> insertSession(long runId, long workshopId, PlannedSession s) {
		return this.database.sql("""
				INSERT INTO workshop_session (run_id, workshop_id, day_number, starts_at, ends_at, time_zone, location,
				                              instructor, capacity)
				VALUES (:run, :workshop, :day, :startsAt, :endsAt, :zone, :location, :instructor, :capacity)
				RETURNING id
				""")
			.bind("run", runId)
			.bind("workshop", workshopId)
			.bind("day", s.dayNumber())
			.bind("startsAt", s.startsAt())
			.bind("endsAt", s.endsAt())
			.bind("zone", s.timeZone())
			.bind("location", s.location())
			.bind("instructor", nullable(s.instructor(), String.class))
			.bind("capacity", s.capacity())
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Mono<Session> updateSession(long id, PlannedSession s) {
		return this.database.sql("""
				UPDATE workshop_session SET starts_at = :startsAt, ends_at = :endsAt, time_zone = :zone,
				       location = :location, capacity = :capacity, version = version + 1
				 WHERE id = :id AND status <> 'cancelled' RETURNING id
				""")
			.bind("id", id)
			.bind("startsAt", s.startsAt())
			.bind("endsAt", s.endsAt())
			.bind("zone", s.timeZone())
			.bind("location", s.location())
			.bind("capacity", s.capacity())
			.map((row) -> row.get("id", Long.class))
			.one()
			.flatMap(this::session);
	}

	Mono<Session> session(long id) {
		return this.database.sql(Session.SELECT + " WHERE s.id = :id").bind("id", id).map(Session::from).one();
	}

	Flux<Session> runSessions(long runId) {
		return this.database.sql(Session.SELECT + " WHERE s.run_id = :run ORDER BY s.day_number, s.starts_at, s.id")
			.bind("run", runId)
			.map(Session::from)
			.all();
	}

	/** The first other non-cancelled session of this instructor overlapping the times. */
	Mono<Long> overlapping(String instructor, PlannedSession s, long except) {
		return this.database.sql("""
				SELECT id FROM workshop_session
				 WHERE instructor = :instructor AND status <> 'cancelled' AND id <> :except
				   AND tstzrange(starts_at, ends_at) && tstzrange(:startsAt, :endsAt)
				 ORDER BY starts_at, id LIMIT 1
				""")
			.bind("instructor", instructor)
			.bind("except", except)
			.bind("startsAt", s.startsAt())
			.bind("endsAt", s.endsAt())
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	private static Workshop workshop(Readable row) {
		return new Workshop(row.get("id", Long.class), row.get("title", String.class),
				row.get("description", String.class), row.get("default_capacity", Integer.class),
				row.get("instructor", String.class), row.get("location", String.class),
				row.get("active", Boolean.class), row.get("version", Long.class));
	}

}
