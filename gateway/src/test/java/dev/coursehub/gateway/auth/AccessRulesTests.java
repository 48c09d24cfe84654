package dev.coursehub.gateway.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.coursehub.gateway.FakeDownstream;
import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route against every kind of caller: the rules table of docs/gateway.md. Each
 * request also carries forged identity headers, which must never reach a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY, "coursehub.gateway.rate-limit.capacity=100000" })
@AutoConfigureWebTestClient
class AccessRulesTests {

	enum Access {

		PUBLIC, USER, ADMIN,

		/**
		 * Static pages that hold no data (Swagger UI): any caller, any Authorization
		 * header ignored.
		 */
		STATIC

	}

	record Route(HttpMethod method, String path, Access access) {

		boolean routed() {
			return this.path.startsWith("/api/");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	enum Caller {

		NONE(null), MALFORMED("not-a-jwt"), EXPIRED(TestTokens.expiredAdmin(Caller.ADMIN_ID)),
		OTHER_KEY(TestTokens.adminSignedWithAnotherKey(Caller.ADMIN_ID)),
		OTHER_ISSUER(TestTokens.adminFromAnotherIssuer(Caller.ADMIN_ID)), USER(TestTokens.user(Caller.USER_ID)),
		OTHER_USER(TestTokens.user(Caller.OTHER_USER_ID)), ADMIN(TestTokens.admin(Caller.ADMIN_ID));

		static final String USER_ID = "1001";

		static final String OTHER_USER_ID = "2002";

		static final String ADMIN_ID = "9009";

		final String token;

		Caller(String token) {
			this.token = token;
		}

	}

	static final List<Route> ROUTES = List.of(
	// @formatter:off
			route("GET /api/booking/courses", Access.PUBLIC),
			route("GET /api/booking/courses/12", Access.PUBLIC),
			route("GET /api/booking/courses/12/streams", Access.PUBLIC),
			route("GET /api/booking/workshops", Access.PUBLIC),
			route("GET /api/booking/workshops/3/runs", Access.PUBLIC),
			route("GET /api/booking/sessions/5", Access.PUBLIC),
			route("GET /api/booking/sessions/5/availability", Access.PUBLIC),
			route("GET /api/booking/sessions/updates", Access.PUBLIC),
			route("GET /actuator/health", Access.PUBLIC),
			route("GET /actuator/health/readiness", Access.PUBLIC),
			route("GET /api/booking/me", Access.USER),
			route("GET /api/booking/me/bookings", Access.USER),
			route("POST /api/booking/me/bookings", Access.USER),
			route("POST /api/booking/me/bookings/7/cancel", Access.USER),
			route("GET /api/booking/me/registrations", Access.USER),
			route("POST /api/booking/me/registrations", Access.USER),
			route("GET /api/booking/me/enrollments", Access.USER),
			route("POST /api/booking/me/enrollments", Access.USER),
			route("POST /api/booking/me/enrollments/9/cancel", Access.USER),
			route("GET /api/booking/me/activity", Access.USER),
			route("POST /api/booking/me/activity", Access.USER),
			route("GET /auth/me", Access.USER),
			route("GET /api/booking/meetings", Access.ADMIN),
			route("GET /api/booking", Access.ADMIN),
			route("GET /api/booking/users", Access.ADMIN),
			route("GET /api/booking/users/1001", Access.ADMIN),
			route("GET /api/booking/bookings", Access.ADMIN),
			route("PATCH /api/booking/bookings/1", Access.ADMIN),
			route("GET /api/booking/registrations", Access.ADMIN),
			route("POST /api/booking/imports", Access.ADMIN),
			route("POST /api/booking/courses", Access.ADMIN),
			route("PUT /api/booking/courses/12", Access.ADMIN),
			route("DELETE /api/booking/courses/12", Access.ADMIN),
			route("POST /api/booking/workshops", Access.ADMIN),
			route("DELETE /api/booking/workshops/3", Access.ADMIN),
			route("POST /api/booking/sessions/5", Access.ADMIN),
			route("PATCH /api/booking/sessions/5", Access.ADMIN),
			route("POST /api/booking/sessions/updates", Access.ADMIN),
			route("GET /api/booking/attendance", Access.ADMIN),
			route("POST /api/booking/attendance", Access.ADMIN),
			route("GET /api/booking/actuator/health", Access.ADMIN),
			route("GET /api/booking/actuator/prometheus", Access.ADMIN),
			route("GET /api/booking/something-new", Access.ADMIN),
			route("GET /api/analytics/figures/streams", Access.ADMIN),
			route("GET /api/analytics/actuator/health", Access.ADMIN),
			route("GET /api/messaging/broadcasts", Access.ADMIN),
			route("POST /api/messaging/broadcasts", Access.ADMIN),
			route("GET /api/messaging/actuator/info", Access.ADMIN),
			route("GET /actuator/prometheus", Access.ADMIN),
			route("GET /actuator/info", Access.ADMIN),
			route("GET /api/booking/sessions", Access.PUBLIC),
			route("GET /api/booking/workshops/3/runs/4", Access.PUBLIC),
			route("POST /api/booking/workshops/3/runs/4/repeat", Access.ADMIN),
			route("POST /api/booking/sessions/5/cancel", Access.ADMIN),
			route("POST /api/booking/enrollments/8/cancel", Access.ADMIN),
			route("POST /api/booking/attendance/sessions/5", Access.ADMIN),
			route("GET /api/booking/attendance/runs/4/certificates", Access.ADMIN),
			route("GET /api/analytics/streams", Access.ADMIN),
			route("GET /api/analytics/users/growth", Access.ADMIN),
			route("POST /api/analytics/rebuild", Access.ADMIN),
			route("POST /api/messaging/broadcasts/preview", Access.ADMIN),
			route("POST /api/messaging/broadcasts/6/pause", Access.ADMIN),
			route("GET /api/messaging/broadcasts/6/recipients", Access.ADMIN),
			route("GET /api/messaging/broadcasts/6/progress", Access.ADMIN),
			route("GET /v3/api-docs", Access.ADMIN),
			route("GET /swagger-ui.html", Access.STATIC),
			route("GET /swagger-ui/init.js", Access.STATIC));
	// @formatter:on

	static FakeDownstream downstream;

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startDownstream() {
		downstream = FakeDownstream.start();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop();
	}

	@DynamicPropertySource
	static void downstreamUrls(DynamicPropertyRegistry registry) {
		downstream.register(registry);
	}

	static Stream<Arguments> everyRouteAndCaller() {
		List<Arguments> cases = new ArrayList<>();
		for (Route route : ROUTES) {
			for (Caller caller : Caller.values()) {
				cases.add(Arguments.of(route, caller));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("everyRouteAndCaller")
	void appliesTheRulesTable(Route route, Caller caller) {
		EntityExchangeResult<byte[]> result = call(route, caller);
		int expected = expectedStatus(route.access(), caller);
		assertThat(result.getStatus().value()).as("status of %s as %s", route, caller).isEqualTo(expected);
		if (expected == 401) {
			assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		}
		if (expected == 403) {
			assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
		if (expected == 200 && route.routed()) {
			HttpHeaders echoed = result.getResponseHeaders();
			assertThat(echoed.getFirst("X-Echo-User-Id")).as("X-User-Id seen downstream").isEqualTo(idOf(caller));
			assertThat(echoed.getFirst("X-Echo-User-Roles")).as("X-User-Roles seen downstream")
				.isEqualTo(rolesOf(caller));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/booking/courses/%2e%2e/users", "/api/booking/courses/..%2fusers",
			"/api/booking/courses;x=1/../users", "/api/booking/courses/%2E%2E/bookings",
			"/api/booking/me/..%2F..%2Fusers", "/api/booking/courses%2f..%2fusers" })
	void refusesPathTricksThatWouldEscapeAPublicOrUserPrefix(String path) {
		int before = downstream.received().size();
		for (Caller caller : List.of(Caller.NONE, Caller.USER)) {
			WebTestClient.RequestHeadersSpec<?> request = this.client.get()
				.uri(URI.create("http://localhost:" + this.port + path));
			if (caller.token != null) {
				request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token);
			}
			int status = request.exchange().returnResult(byte[].class).getStatus().value();
			assertThat(status).as("%s as %s", path, caller).isGreaterThanOrEqualTo(400);
		}
		assertThat(downstream.received()).hasSize(before);
	}

	private EntityExchangeResult<byte[]> call(Route route, Caller caller) {
		WebTestClient.RequestBodySpec request = this.client.method(route.method())
			.uri(route.path())
			.header("X-User-Id", Caller.OTHER_USER_ID)
			.header("X-User-Roles", "user,admin");
		if (caller.token != null) {
			request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + caller.token);
		}
		return request.exchange().expectBody().returnResult();
	}

	private static int expectedStatus(Access access, Caller caller) {
		if (access == Access.STATIC) {
			return 200;
		}
		return switch (caller) {
			case NONE -> (access == Access.PUBLIC) ? 200 : 401;
			case MALFORMED, EXPIRED, OTHER_KEY, OTHER_ISSUER -> 401;
			case USER, OTHER_USER -> (access == Access.ADMIN) ? 403 : 200;
			case ADMIN -> 200;
		};
	}

	private static String idOf(Caller caller) {
		return switch (caller) {
			case USER -> Caller.USER_ID;
			case OTHER_USER -> Caller.OTHER_USER_ID;
			case ADMIN -> Caller.ADMIN_ID;
			default -> "-";
		};
	}

	private static String rolesOf(Caller caller) {
		return switch (caller) {
			case USER, OTHER_USER -> "user";
			case ADMIN -> "user,admin";
			default -> "-";
		};
	}

	private static Route route(String methodAndPath, Access access) {
		String[] parts = methodAndPath.split(" ");
		return new Route(HttpMethod.valueOf(parts[0]), parts[1], access);
	}

}
