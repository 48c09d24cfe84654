package dev.coursehub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin calling the platform through the gateway, as a newcomer does with curl. */
final class GatewayAdmin {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String gateway;

	private final String token;

	GatewayAdmin(int gatewayPort, String token) {
		this.gateway = "http://localhost:" + gatewayPort;
		this.token = token;
	}

	/** POSTs {@code json} and checks the status; returns the body. */
	String post(String path, String json, int expectedStatus) throws IOException, InterruptedException {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), expectedStatus);
	}

	String get(String path) throws IOException, InterruptedException {
		return send(request(path).GET(), 200);
	}

	/** The first {@code "id"} of a JSON body. */
	static long id(String json) {
		Matcher id = ID.matcher(json);
		assertThat(id.find()).as("an id in %s", json).isTrue();
		return Long.parseLong(id.group(1));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token);
	}

	private String send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
		HttpRequest built = request.build();
		HttpResponse<String> response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s: %s", built.method(), built.uri(), response.body())
			.isEqualTo(expectedStatus);
		return response.body();
	}

}
