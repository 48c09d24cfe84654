package dev.coursehub.booking.workshop;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the workshop API. */
final class WorkshopRequests {

	private WorkshopRequests() {
	}

	/** A workshop; {@code defaultCapacity} is 12 unless set, {@code active} true. */
	record NewWorkshop(@NotBlank @Size(max = 200) String title, @Size(max = 10000) String description,
			@Min(1) @Max(10000) Integer defaultCapacity, @Size(min = 1, max = 200) String instructor,
			@NotBlank String location, Boolean active) {
	}

	/** Only the fields given change. */
	record WorkshopChange(@Size(min = 1, max = 200) String title, @Size(max = 10000) String description,
			@Min(1) @Max(10000) Integer defaultCapacity, @Size(min = 1, max = 200) String instructor, String location,
			Boolean active) {
	}

	/**
	 * A run with its sessions: either listed ({@code sessions}, numbered Day 1..n by
	 * start) or a series ({@code recurrence}).
	 */
	record NewRun(@NotBlank @Size(max = 200) String name, @Valid @Size(min = 1, max = 100) List<NewSession> sessions,
			@Valid Recurrence recurrence) {
	}

	/**
	 * One session: a local date and times in a time zone; location, capacity and
	 * instructor default to the workshop's.
	 */
	record NewSession(@NotNull LocalDate date, @NotNull LocalTime startTime, @NotNull LocalTime endTime,
			@NotBlank String timeZone, String location, @Min(1) @Max(10000) Integer capacity,
			@Size(min = 1, max = 200) String instructor) {
	}

	/**
	 * {@code count} sessions, the first on {@code firstDate}, then every
	 * {@code everyDays}.
	 */
	record Recurrence(@NotNull LocalDate firstDate, @NotNull LocalTime startTime, @NotNull LocalTime endTime,
			@NotBlank String timeZone, @Min(1) @Max(365) Integer everyDays, @NotNull @Min(1) @Max(100) Integer count,
			String location, @Min(1) @Max(10000) Integer capacity, @Size(min = 1, max = 200) String instructor) {
	}

	/** Repeat a run from a new start date, under a new name. */
	record Repeat(@NotBlank @Size(max = 200) String name, @NotNull LocalDate startsOn) {
	}

	/** Move a session or change its place or capacity; only the fields given change. */
	record SessionChange(LocalDate date, LocalTime startTime, LocalTime endTime, String timeZone, String location,
			@Min(1) @Max(10000) Integer capacity) {
	}

}
