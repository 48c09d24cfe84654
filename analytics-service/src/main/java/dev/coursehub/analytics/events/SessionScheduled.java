package dev.coursehub.analytics.events;

import java.time.Instant;

/**
 * What {@code session.created.v1} and {@code session.updated.v1} add to the seat state.
 */
public record SessionScheduled(long sessionId, long runId, String runName, long workshopId, String workshopTitle,
		int dayNumber, Instant startsAt) {

}
