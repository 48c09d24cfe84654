package dev.coursehub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Asks a Spring Boot actuator health endpoint whether it is UP. */
final class Health {

	private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/** The endpoint's answer; status 0 when nothing answered. */
	Probe probe(URI uri, String bearerToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Probe(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Probe(0, "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Children.StackStopping();
		}
	}

	/**
	 * One answer of a health endpoint.
	 *
	 * @param status the HTTP status, 0 when nothing answered
	 * @param body the response body
	 */
	record Probe(int status, String body) {

		/** Boot answers 503 for DOWN and OUT_OF_SERVICE, 200 otherwise. */
		boolean isUp() {
			return this.status == 200 && UP.matcher(this.body).find();
		}

		/** Asked for credentials or refused: waiting longer will not help. */
		boolean isRefused() {
			return this.status == 401 || this.status == 403;
		}

	}

}
