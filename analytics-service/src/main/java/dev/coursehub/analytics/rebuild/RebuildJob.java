package dev.coursehub.analytics.rebuild;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rebuild of every figure from the topic history: {@code running}, then {@code done}
 * (the new generation serves reads) or {@code failed} (the current one still does).
 * {@code eventsTotal} is the number of records in the topic when the rebuild started.
 */
public record RebuildJob(UUID id, long generation, String state, Instant startedAt, @Nullable Instant finishedAt,
		long eventsRead, @Nullable Long eventsTotal, @Nullable String error) {

}
