package dev.coursehub.analytics.events;

/** Analytics' copy of {@code stream.created.v1} and {@code stream.updated.v1}. */
public record StreamChanged(long streamId, long courseId, String code, String name, String status) {

}
