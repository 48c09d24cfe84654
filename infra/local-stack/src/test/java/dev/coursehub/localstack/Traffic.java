package dev.coursehub.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests through the gateway that touch every area the dashboards and alerts watch: a
 * course with bookings whose status changes, a free-lesson registration and its
 * attendance, a workshop session that fills up (an enrollment, a full one, a duplicate,
 * attendance), a broadcast, and the analytics reads. Nothing here depends on a broadcast
 * being delivered: with a Telegram sandbox in the stack it is, without one it waits.
 */
final class Traffic {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI gateway;

	private final String admin;

	private final GatewayAuth auth;

	Traffic(int gatewayPort, Path dataDir) throws IOException {
		this.gateway = URI.create("http://localhost:" + gatewayPort);
		// the secret the launcher gave the gateway
		this.auth = GatewayAuth.forStack(System.getenv(), dataDir);
		this.admin = this.auth.adminToken("local-admin", Instant.now());
	}

	void touchEveryArea() {
		long course = id(send(this.admin, "POST", "/api/booking/courses", "{\"title\":\"Metrics course\"}", 201));
		send(this.admin, "POST", "/api/booking/courses/" + course + "/streams", "{\"code\":\"s1\",\"name\":\"One\"}",
				201);
		long confirmed = booking(course, 1001);
		long cancelled = booking(course, 1002);
		booking(course, 1003);
		send(this.admin, "POST", "/api/booking/bookings/" + confirmed + "/status", "{\"status\":\"confirmed\"}", 200);
		send(this.admin, "POST", "/api/booking/bookings/" + cancelled + "/status", "{\"status\":\"cancelled\"}", 200);
		send(this.admin, "POST", "/api/booking/registrations",
				"{\"userId\":1001,\"email\":\"learner@example.org\",\"lessonType\":\"intro\"}", 201);
		send(this.admin, "POST", "/api/booking/activities",
				"{\"userId\":1001,\"type\":\"lesson_link_clicked\",\"details\":{\"lesson_type\":\"intro\"}}", 201);

		long workshop = id(send(this.admin, "POST", "/api/booking/workshops",
				"{\"title\":\"Metrics workshop\",\"location\":\"A\"}", 201));
		LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		JsonNode run = send(this.admin, "POST", "/api/booking/workshops/" + workshop + "/runs",
				"{\"name\":\"Run\",\"sessions\":[{\"date\":\"" + day
						+ "\",\"startTime\":\"09:00\",\"endTime\":\"12:00\",\"timeZone\":\"UTC\",\"capacity\":1}]}",
				201);
		long session = run.path("sessions").path(0).path("id").asLong();
		String enroll = "{\"sessionId\":" + session + "}";
		long enrollment = send(user(1001), "POST", "/api/booking/me/enrollments", enroll, 201).path("enrollments")
			.path(0)
			.path("id")
			.asLong();
		// the one seat is taken: "full", then "duplicate" (4xx for the errors panel)
		send(user(1002), "POST", "/api/booking/me/enrollments", enroll, 409);
		send(user(1001), "POST", "/api/booking/me/enrollments", enroll, 409);
		send(this.admin, "POST", "/api/booking/attendance/sessions/" + session,
				"{\"marks\":[{\"enrollmentId\":" + enrollment + ",\"status\":\"present\"}]}", 200);

		// messaging knows the users once it has read their booking events
		String broadcast = "{\"text\":\"Metrics test\",\"target\":{\"kind\":\"users\",\"userIds\":[1001,1003]}}";
		Awaitility.await("messaging knows the users to broadcast to")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> request(this.admin, "POST", "/api/messaging/broadcasts", broadcast).statusCode() == 201);

		for (String read : new String[] { "/api/analytics/streams", "/api/analytics/lessons",
				"/api/analytics/dashboard", "/api/analytics/sessions", "/api/analytics/users/growth",
				"/api/messaging/broadcasts", "/api/booking/courses", "/api/booking/workshops",
				"/api/booking/sessions" }) {
			send(this.admin, "GET", read, null, 200);
		}
		send(user(1001), "GET", "/api/booking/me/bookings", null, 200);
	}

	private long booking(long course, long user) {
		return id(send(this.admin, "POST", "/api/booking/bookings", "{\"userId\":" + user + ",\"courseId\":" + course
				+ ",\"stream\":\"s1\",\"username\":\"learner" + user + "\"}", 201));
	}

	private String user(long id) {
		return this.auth.adminToken(String.valueOf(id), Instant.now());
	}

	private JsonNode send(String token, String method, String path, String body, int expectedStatus) {
		HttpResponse<String> response = request(token, method, path, body);
		assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body())
			.isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	private HttpResponse<String> request(String token, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long id(JsonNode body) {
		return body.path("id").asLong();
	}

}
