package dev.coursehub.analytics.events;

/**
 * Analytics' copy of {@code course.created.v1}: the course's title for the stream
 * figures.
 */
public record CourseCreated(long courseId, String title) {

}
