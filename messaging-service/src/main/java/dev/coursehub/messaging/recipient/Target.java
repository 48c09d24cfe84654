package dev.coursehub.messaging.recipient;

import java.util.List;

import dev.coursehub.servicekit.web.Problems;

/**
 * Who a broadcast goes to. Unreachable recipients (403 from Telegram) are always left
 * out.
 *
 * @param kind {@code users}, {@code stream}, {@code all}, {@code never_paid} or
 * {@code lesson_type}
 * @param userIds the Telegram user ids, for {@code users}
 * @param stream a stream code, for {@code stream} (users with a confirmed booking in it)
 * @param courseId optional, narrows {@code stream} to one course
 * @param lessonType a free lesson type, for {@code lesson_type}
 */
public record Target(String kind, List<Long> userIds, String stream, Long courseId, String lessonType) {

	static final int MAX_USER_IDS = 10_000;

	/** 400 with the field named unless the target is complete for its kind. */
	public Target validated() {
		if (this.kind == null) {
			throw Problems.invalid("target.kind",
					"target.kind is required: users, stream, all, never_paid or lesson_type");
		}
		switch (this.kind) {
			case "users" -> {
				if (this.userIds == null || this.userIds.isEmpty()) {
					throw Problems.invalid("target.userIds", "target.userIds must name at least one user");
				}
				if (this.userIds.size() > MAX_USER_IDS) {
					throw Problems.invalid("target.userIds", "at most " + MAX_USER_IDS + " user ids");
				}
				if (this.userIds.stream().anyMatch((id) -> id == null || id <= 0)) {
					throw Problems.invalid("target.userIds", "user ids are positive Telegram user ids");
				}
			}
			case "stream" -> {
				if (this.stream == null || this.stream.isBlank()) {
					throw Problems.invalid("target.stream", "target.stream (a stream code) is required");
				}
			}
			case "lesson_type" -> {
				if (this.lessonType == null || this.lessonType.isBlank()) {
					throw Problems.invalid("target.lessonType", "target.lessonType is required");
				}
			}
			case "all", "never_paid" -> {
			}
			default -> throw Problems.invalid("target.kind",
					"target.kind must be users, stream, all, never_paid or lesson_type");
		}
		return this;
	}

}
