package dev.coursehub.analytics.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The event envelope every CourseHub record carries (see {@code docs/events/README.md});
 * {@code data} is read into this service's own copy of the event by {@link EventReader}.
 */
public record Envelope(UUID eventId, String type, Instant occurredAt, String aggregateType, String aggregateId,
		long aggregateVersion, JsonNode data) {

}
