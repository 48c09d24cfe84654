package dev.coursehub.analytics.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Analytics' copy of {@code activity.recorded.v1}. */
public record ActivityRecorded(long activityId, @Nullable Long userId, String type, Instant occurredAt,
		@Nullable JsonNode details) {

	/** The activity type the legacy lesson conversion counts as an attendance. */
	public static final String LESSON_LINK_CLICKED = "lesson_link_clicked";

	/**
	 * {@code details->>'lesson_type'} as the legacy SQL reads it: text of a scalar, JSON
	 * text of an object or array, null when absent or JSON null.
	 */
	public @Nullable String lessonType() {
		if (this.details == null || !this.details.has("lesson_type")) {
			return null;
		}
		JsonNode value = this.details.get("lesson_type");
		if (value.isNull()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}
