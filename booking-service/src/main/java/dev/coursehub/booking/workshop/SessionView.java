package dev.coursehub.booking.workshop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session as the API shows it: local date and times in its time zone, the instants,
 * seats left and the status at the time of the read.
 */
public record SessionView(long id, long workshopId, String workshopTitle, long runId, String runName, int dayNumber,
		LocalDate date, LocalTime startTime, LocalTime endTime, String timeZone, Instant startsAt, Instant endsAt,
		String location, String instructor, int capacity, int seatsTaken, int seatsLeft, String status, long version) {
}
