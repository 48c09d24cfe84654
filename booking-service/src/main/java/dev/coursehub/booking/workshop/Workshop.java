package dev.coursehub.booking.workshop;

/** A workshop of the catalogue, e.g. "React Fundamentals" in location A for 12 people. */
public record Workshop(long id, String title, String description, int defaultCapacity, String instructor,
		String location, boolean active, long version) {
}
