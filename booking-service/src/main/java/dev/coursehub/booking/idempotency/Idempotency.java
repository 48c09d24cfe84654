package dev.coursehub.booking.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Safe retries for POSTs that create something: the first request with an
 * {@code Idempotency-Key} runs and its result is stored in the same transaction; the same
 * key with the same body returns that result again; the same key with another body is a
 * 422. Two concurrent requests with one key are serialized by the key's primary key: the
 * second waits for the first to commit and then replays it.
 */
@Component
public class Idempotency {

	/** Request header carrying the client's key. */
	public static final String KEY_HEADER = "Idempotency-Key";

	/** Response header telling whether the response replays an earlier one. */
	public static final String REPLAYED_HEADER = "Idempotency-Replayed";

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final JsonMapper json;

	Idempotency(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
		this.database = database;
		this.transactions = transactions;
		this.json = json;
	}

	/**
	 * Run the action once per scope and key.
	 * @param scope the operation, e.g. {@code POST /bookings}
	 * @param key the client's key; null or blank runs the action without protection
	 * @param request the request body, whose fingerprint must match on a retry
	 */
	public <T> Mono<Outcome<T>> run(String scope, String key, Object request, Class<T> type, Supplier<Mono<T>> action) {
		if (key == null || key.isBlank()) {
			return action.get().map((result) -> new Outcome<>(result, false));
		}
		if (key.length() > 200) {
			return Mono.error(Problems.invalid("Idempotency-Key", "Idempotency-Key is longer than 200 characters"));
		}
		String fingerprint = fingerprint(request);
		Mono<Outcome<T>> once = claim(scope, key,
				fingerprint)
			.flatMap((claimed) -> claimed
					? action.get()
						.flatMap((result) -> store(scope, key, result).thenReturn(new Outcome<>(result, false)))
					: replay(scope, key, fingerprint, type));
		return this.transactions.transactional(once);
	}

	private Mono<Boolean> claim(String scope, String key, String fingerprint) {
		return this.database.sql("""
				INSERT INTO idempotency_key (scope, key, request_hash) VALUES (:scope, :key, :hash)
				ON CONFLICT DO NOTHING RETURNING key
				""")
			.bind("scope", scope)
			.bind("key", key)
			.bind("hash", fingerprint)
			.map((row) -> true)
			.one()
			.defaultIfEmpty(false);
	}

	private Mono<Void> store(String scope, String key, Object result) {
		return this.database
			.sql("UPDATE idempotency_key SET response_status = 201, response_body = :body "
					+ "WHERE scope = :scope AND key = :key")
			.bind("scope", scope)
			.bind("key", key)
			.bind("body", this.json.writeValueAsString(result))
			.then();
	}

	private <T> Mono<Outcome<T>> replay(String scope, String key, String fingerprint, Class<T> type) {
		return this.database
			.sql("SELECT request_hash, response_body FROM idempotency_key WHERE scope = :scope AND key = :key")
			.bind("scope", scope)
			.bind("key", key)
			.map((row) -> new Stored(row.get("request_hash", String.class), row.get("response_body", String.class)))
			.one()
			.flatMap((stored) -> {
				if (!stored.hash().equals(fingerprint)) {
					return Mono.error(Problems.unprocessable(
							"Idempotency-Key " + key + " was already used with a different request body",
							Map.of("field", "Idempotency-Key")));
				}
				return Mono.just(new Outcome<>(this.json.readValue(stored.body(), type), true));
			});
	}

	private String fingerprint(Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A result, and whether it is the replay of an earlier request's. */
	public record Outcome<T>(T result, boolean replayed) {

		/** The response: the status given, {@code Idempotency-Replayed}, the body. */
		public <B> ResponseEntity<B> toResponse(HttpStatus status, Function<T, B> body) {
			return ResponseEntity.status(status)
				.header(REPLAYED_HEADER, String.valueOf(this.replayed))
				.body(body.apply(this.result));
		}

		/** 201 with the result as the body. */
		public ResponseEntity<T> created() {
			return toResponse(HttpStatus.CREATED, Function.identity());
		}

	}

	private record Stored(String hash, String body) {
	}

}
