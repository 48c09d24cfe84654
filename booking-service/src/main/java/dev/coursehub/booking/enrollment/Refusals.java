package dev.coursehub.booking.enrollment;

import java.util.Map;

import dev.coursehub.servicekit.web.Problems;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why an enrollment was refused, as a 409 problem with a {@code reason} member
 * ({@code full}, {@code duplicate}, {@code cancelled}, {@code started}, {@code inactive})
 * that metrics count by.
 */
final class Refusals {

	static final String FULL = "full";

	static final String DUPLICATE = "duplicate";

	private Refusals() {
	}

	static ErrorResponseException full(long sessionId) {
		return Problems.conflict("Session " + sessionId + " is full",
				Map.of("reason", FULL, "sessionId", sessionId, "seatsLeft", 0));
	}

	static ErrorResponseException noFreeSession(long workshopId) {
		return Problems.conflict("Workshop " + workshopId + " has no upcoming session with a free seat",
				Map.of("reason", FULL, "workshopId", workshopId, "seatsLeft", 0));
	}

	static ErrorResponseException duplicate(long sessionId) {
		return Problems.conflict("Already enrolled in session " + sessionId,
				Map.of("reason", DUPLICATE, "sessionId", sessionId));
	}

	static ErrorResponseException cancelled(long sessionId) {
		return Problems.conflict("Session " + sessionId + " is cancelled",
				Map.of("reason", "cancelled", "sessionId", sessionId));
	}

	static ErrorResponseException inactive(long sessionId) {
		return Problems.conflict("The workshop of session " + sessionId + " is not active",
				Map.of("reason", "inactive", "sessionId", sessionId));
	}

	static ErrorResponseException started(long sessionId) {
		return Problems.conflict("Session " + sessionId + " has already started",
				Map.of("reason", "started", "sessionId", sessionId));
	}

	/** The refusal reason of an error, or null when it is not a refusal. */
	static String reason(Throwable error) {
		if (error instanceof ErrorResponseException response) {
			ProblemDetail body = response.getBody();
			if (body.getProperties() != null && body.getProperties().get("reason") instanceof String reason) {
				return reason;
			}
		}
		return null;
	}

}
