package dev.coursehub.booking.course;

import java.time.Instant;

/** A paid course, e.g. "Вайб кодинг". */
public record Course(long id, String title, Instant createdAt) {
}
