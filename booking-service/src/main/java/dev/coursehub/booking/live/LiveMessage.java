package dev.coursehub.booking.live;

import java.util.Map;

/**
 * One real-time message: {@code session-update}, {@code session-created},
 * {@code session-cancelled}, {@code enrollment-confirmed}, {@code enrollment-cancelled}
 * or {@code heartbeat}.
 *
 * @param workshopId for the optional workshop filter
 * @param userId set on a user's own messages, which only that user's streams get; null
 * for everyone's
 * @param data what the client reads; never a user id on a public message
 */
record LiveMessage(String event, Long workshopId, Long userId, Map<String, Object> data) {

	static final LiveMessage HEARTBEAT = new LiveMessage("heartbeat", null, null, Map.of());

	boolean visibleTo(Long workshop, Long user) {
		if (this.userId != null && !this.userId.equals(user)) {
			return false;
		}
		return workshop == null || this.workshopId == null || workshop.equals(this.workshopId);
	}

}
