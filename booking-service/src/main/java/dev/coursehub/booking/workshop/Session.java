package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import io.r2dbc.spi.Readable;

/**
 * A session as stored, with the names of its run and workshop.
 *
 * @param storedStatus {@code scheduled} or {@code cancelled}; see {@link SessionStatus}
 * @param version the aggregate version of session and enrollment events
 */
public record Session(long id, long runId, long workshopId, String runName, String workshopTitle, int dayNumber,
		Instant startsAt, Instant endsAt, String timeZone, String location, String instructor, int capacity,
		int seatsTaken, String storedStatus, long version) {

	/**
	 * Columns of {@link #from(Readable)}, from {@code workshop_session s}, run r,
	 * workshop w.
	 */
	public static final String SELECT = """
			SELECT s.id, s.run_id, s.workshop_id, r.name AS run_name, w.title AS workshop_title, s.day_number,
			       s.starts_at, s.ends_at, s.time_zone, s.location, s.instructor, s.capacity, s.seats_taken,
			       s.status, s.version
			  FROM workshop_session s JOIN workshop_run r ON r.id = s.run_id JOIN workshop w ON w.id = s.workshop_id
			""";

	public static Session from(Readable row) {
		return new Session(row.get("id", Long.class), row.get("run_id", Long.class), row.get("workshop_id", Long.class),
				row.get("run_name", String.class), row.get("workshop_title", String.class),
				row.get("day_number", Integer.class), row.get("starts_at", Instant.class),
				row.get("ends_at", Instant.class), row.get("time_zone", String.class),
				row.get("location", String.class), row.get("instructor", String.class),
				row.get("capacity", Integer.class), row.get("seats_taken", Integer.class),
				row.get("status", String.class), row.get("version", Long.class));
	}

	public int seatsLeft() {
		return Math.max(0, this.capacity - this.seatsTaken);
	}

	public String publishedStatus() {
		return SessionStatus.ofSeats(this.storedStatus, this.capacity, this.seatsTaken);
	}

	public SessionView view(Instant now) {
		ZoneId zone = ZoneId.of(this.timeZone);
		LocalDate date = this.startsAt.atZone(zone).toLocalDate();
		LocalTime start = this.startsAt.atZone(zone).toLocalTime();
		LocalTime end = this.endsAt.atZone(zone).toLocalTime();
		return new SessionView(this.id, this.workshopId, this.workshopTitle, this.runId, this.runName, this.dayNumber,
				date, start, end, this.timeZone, this.startsAt, this.endsAt, this.location, this.instructor,
				this.capacity, this.seatsTaken, seatsLeft(),
				SessionStatus.at(now, this.storedStatus, this.capacity, this.seatsTaken, this.endsAt), this.version);
	}

}
