package dev.coursehub.booking.activity;

import java.time.Instant;
import java.util.Map;

/** A recorded user activity. */
public record Activity(long id, long userId, String type, Instant occurredAt, Map<String, Object> details) {

	/** {@code activity.recorded.v1}. */
	public static final String RECORDED = "activity.recorded.v1";

	Recorded recorded() {
		return new Recorded(this.id, this.userId, this.type, this.occurredAt, this.details);
	}

	/** The payload of {@code activity.recorded.v1}. */
	record Recorded(long activityId, long userId, String type, Instant occurredAt, Map<String, Object> details) {
	}

}
