package dev.coursehub.messaging.recipient;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SELECT of a target's reachable user ids, with its values bound by name.
 */
record TargetQuery(String sql, Map<String, Object> values) {

	static TargetQuery of(Target target) {
		Map<String, Object> values = new LinkedHashMap<>();
		String where = switch (target.validated().kind()) {
			case "users" -> {
				values.put("userIds", target.userIds().toArray(Long[]::new));
				yield "r.user_id = ANY(:userIds)";
			}
			case "stream" -> {
				values.put("stream", target.stream());
				String course = "";
				if (target.courseId() != null) {
					values.put("courseId", target.courseId());
					course = " AND b.course_id = :courseId";
				}
				yield "EXISTS (SELECT 1 FROM recipient_booking b WHERE b.user_id = r.user_id AND b.status = 'confirmed'"
						+ " AND b.stream = :stream" + course + ")";
			}
			case "never_paid" -> "NOT r.ever_paid";
			case "lesson_type" -> {
				values.put("lessonType", target.lessonType());
				yield "EXISTS (SELECT 1 FROM recipient_lesson l WHERE l.user_id = r.user_id AND l.lesson_type = :lessonType)";
			}
			default -> "true";
		};
		return new TargetQuery("SELECT r.user_id FROM recipient r WHERE r.reachable AND " + where, values);
	}

}
