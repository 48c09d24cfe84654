package dev.coursehub.gateway.apidocs;

import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GATEWAY_DOCS_ACCESS=public} (the local stack) opens the document, nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY, "GATEWAY_DOCS_ACCESS=public" })
@AutoConfigureWebTestClient
class ApiDocsPublicAccessTests {

	@Autowired
	WebTestClient client;

	@Test
	void anyoneMayReadTheDocument() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/auth/me']")
			.exists();
	}

	@Test
	void theApiRoutesStayProtected() {
		this.client.get().uri("/api/booking/users").exchange().expectStatus().isUnauthorized();
	}

}
