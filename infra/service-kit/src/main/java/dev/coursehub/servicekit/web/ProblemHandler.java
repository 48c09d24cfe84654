package dev.coursehub.servicekit.web;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every error a CourseHub service answers is {@code application/problem+json} (RFC 9457),
 * naming the offending field where there is one: bean validation failures, unknown
 * fields, wrong types and malformed JSON are 400, oversized bodies 413, and nothing a
 * client sends is a 500. Unexpected failures are 500 without internals, logged with the
 * request id.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemHandler.class);

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, Object>> errors = ex.getFieldErrors().stream().map(ProblemHandler::describe).toList();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		FieldError first = ex.getFieldErrors().isEmpty() ? null : ex.getFieldErrors().get(0);
		problem.setDetail((first != null) ? first.getField() + ": " + first.getDefaultMessage() : "Invalid request");
		if (first != null) {
			problem.setProperty("field", first.getField());
		}
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		if (find(ex, DataBufferLimitException.class) != null) {
			return tooLarge(ex, exchange);
		}
		JacksonException json = find(ex, JacksonException.class);
		if (json != null && !json.getPath().isEmpty()) {
			String field = path(json.getPath());
			problem.setProperty("field", field);
			problem.setDetail(field + ": " + firstLine(json.getOriginalMessage()));
		}
		else if (json != null || find(ex, DecodingException.class) != null) {
			problem.setDetail("The request body is not valid JSON");
		}
		else {
			problem.setDetail(ex.getReason());
			if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
				problem.setProperty("field", ex.getMethodParameter().getParameterName());
			}
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@ExceptionHandler(DataBufferLimitException.class)
	Mono<ResponseEntity<Object>> tooLarge(Exception ex, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is too large");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, exchange);
	}

	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
		log.error("Unexpected failure on " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getPath().value() + " [" + exchange.getRequest().getId() + "]", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; the request id is " + exchange.getRequest().getId());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
	}

	private static Map<String, Object> describe(FieldError error) {
		return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "invalid value";
		}
		int newline = message.indexOf('\n');
		String line = (newline >= 0) ? message.substring(0, newline) : message;
		// Jackson names Java types in its messages; the API speaks JSON
		return line.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1");
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		Throwable current = ex;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

}
