package dev.coursehub.servicekit.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems domain code throws; {@link ProblemHandler} writes them as
 * {@code application/problem+json}. Extra properties (e.g. {@code field},
 * {@code currentStatus}) become members of the problem object.
 */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String detail) {
		return problem(HttpStatus.NOT_FOUND, detail, Map.of());
	}

	public static ErrorResponseException conflict(String detail, Map<String, Object> properties) {
		return problem(HttpStatus.CONFLICT, detail, properties);
	}

	/** A request value that is wrong in itself; {@code field} names it. */
	public static ErrorResponseException invalid(String field, String detail) {
		return problem(HttpStatus.BAD_REQUEST, detail, Map.of("field", field));
	}

	public static ErrorResponseException unprocessable(String detail, Map<String, Object> properties) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, detail, properties);
	}

	public static ErrorResponseException problem(HttpStatus status, String detail, Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		properties.forEach(problem::setProperty);
		return new ErrorResponseException(status, problem, null);
	}

}
