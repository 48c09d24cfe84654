package dev.coursehub.gateway.apidocs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import dev.coursehub.gateway.ClosedPort;
import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One OpenAPI document for the platform: each service's springdoc document gathered under
 * its gateway prefix, clashing component names kept apart, a service that is down named
 * rather than hiding the others, admin-only by default, and a public Swagger UI page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY, "coursehub.gateway.docs.cache-for=0s" })
@AutoConfigureWebTestClient
class ApiDocsTests {

	static final String BOOKING = """
			{"openapi":"3.1.0","info":{"title":"booking","version":"1"},
			 "tags":[{"name":"bookings"}],
			 "paths":{"/bookings":{"get":{"operationId":"list","tags":["bookings"],
			   "responses":{"200":{"description":"ok","content":{"application/json":
			   {"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
			 "components":{"schemas":{"Page":{"type":"object","properties":{"items":{"type":"array"}}},
			   "Booking":{"type":"object"}}}}
			""";

	static final String ANALYTICS = """
			{"openapi":"3.1.0","info":{"title":"analytics","version":"1"},
			 "paths":{"/streams":{"get":{"operationId":"list",
			   "responses":{"200":{"description":"ok","content":{"application/json":
			   {"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
			 "components":{"schemas":{"Page":{"type":"object","properties":{"rows":{"type":"array"}}},
			   "Booking":{"type":"object"}}}}
			""";

	static final HttpServer SERVICES = services();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		String base = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
		registry.add("BOOKING_URL", () -> base + "/booking");
		registry.add("ANALYTICS_URL", () -> base + "/analytics");
		int closed = ClosedPort.find();
		registry.add("MESSAGING_URL", () -> "http://127.0.0.1:" + closed);
	}

	@AfterAll
	static void stopServices() {
		SERVICES.stop(0);
	}

	@Test
	void gathersEveryServiceUnderItsGatewayPrefix() {
		asAdmin().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.paths['/api/booking/bookings'].get.operationId")
			.isEqualTo("booking_list")
			.jsonPath("$.paths['/api/analytics/streams'].get.operationId")
			.isEqualTo("analytics_list")
			.jsonPath("$.paths['/auth/telegram'].post.operationId")
			.isEqualTo("gateway_telegramLogin")
			.jsonPath("$.components.securitySchemes.bearer.scheme")
			.isEqualTo("bearer")
			.jsonPath("$.tags[?(@.name == 'bookings')]")
			.exists();
	}

	@Test
	void keepsClashingComponentsApartAndRewritesTheirReferences() {
		asAdmin().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			// merged in name order: analytics keeps "Page", booking's is renamed
			.jsonPath("$.components.schemas.Page.properties.rows")
			.exists()
			.jsonPath("$.components.schemas.BookingPage.properties.items")
			.exists()
			.jsonPath(
					"$.paths['/api/booking/bookings'].get.responses['200'].content['application/json'].schema['$ref']")
			.isEqualTo("#/components/schemas/BookingPage")
			.jsonPath(
					"$.paths['/api/analytics/streams'].get.responses['200'].content['application/json'].schema['$ref']")
			.isEqualTo("#/components/schemas/Page")
			// identical definitions are shared, not duplicated
			.jsonPath("$.components.schemas.BookingBooking")
			.doesNotExist();
	}

	@Test
	void namesAServiceThatIsDownAndStillServesTheOthers() {
		asAdmin().get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$['x-coursehub-unavailable'][0]")
			.isEqualTo("messaging")
			.jsonPath("$.paths['/api/booking/bookings']")
			.exists();
	}

	@Test
	void theDocumentIsForAdminsByDefault() {
		this.client.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/v3/api-docs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user("5"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void servesThePublicSwaggerUiPageWithItsScripts() {
		this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.value("Content-Security-Policy",
					(csp) -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval"))
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("swagger-ui-bundle.js"));
		this.client.get().uri("/swagger-ui/init.js").exchange().expectStatus().isOk();
		this.client.get().uri("/webjars/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
		this.client.get().uri("/webjars/swagger-ui/swagger-ui.css").exchange().expectStatus().isOk();
	}

	private WebTestClient asAdmin() {
		return this.client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin("1")).build();
	}

	private static HttpServer services() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			serve(server, "/booking/v3/api-docs", BOOKING);
			serve(server, "/analytics/v3/api-docs", ANALYTICS);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void serve(HttpServer server, String path, String document) {
		byte[] body = document.getBytes(StandardCharsets.UTF_8);
		server.createContext(path, (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
	}

}
