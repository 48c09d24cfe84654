package dev.coursehub.booking.workshop;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * ETags for catalogue reads: a hash of the JSON the client would get, so a polling client
 * gets 304 while nothing it sees changed (seats, status, derived "completed" included).
 */
@Component
class Etags {

	private final JsonMapper json;

	Etags(JsonMapper json) {
		this.json = json;
	}

	<T> Mono<ResponseEntity<T>> respond(ServerWebExchange exchange, Mono<T> body) {
		return body.map((value) -> {
			String etag = "\"" + hash(this.json.writeValueAsBytes(value)) + "\"";
			if (exchange.checkNotModified(etag)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<T>build();
			}
			return ResponseEntity.ok().eTag(etag).body(value);
		});
	}

	private static String hash(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
