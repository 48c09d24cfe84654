package dev.coursehub.gateway.auth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestTokens.SECRET_PROPERTY,
				"coursehub.gateway.auth.telegram.bot-token=" + TelegramPayloads.BOT_TOKEN,
				"coursehub.gateway.auth.admin-ids=77, 78", "coursehub.gateway.auth.token-lifetime=2h" })
@AutoConfigureWebTestClient
class AuthEndpointsTests {

	@Autowired
	WebTestClient client;

	@Test
	void issuesAUserTokenForAVerifiedTelegramLogin() {
		String token = logIn(TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 4242L, now()));
		whoIs(token).jsonPath("$.subject")
			.isEqualTo("4242")
			.jsonPath("$.roles")
			.isEqualTo(java.util.List.of("user"))
			.jsonPath("$.expiresAt")
			.value((String expiresAt) -> assertThat(Instant.parse(expiresAt)).isBetween(Instant.now().plusSeconds(7100),
					Instant.now().plusSeconds(7300)));
	}

	@Test
	void givesConfiguredAdminsTheAdminRole() {
		String token = logIn(TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 78L, now()));
		whoIs(token).jsonPath("$.roles").isEqualTo(java.util.List.of("user", "admin"));
	}

	@Test
	void refusesATamperedLoginWith401Problem() {
		Map<String, Object> payload = new HashMap<>(TelegramPayloads.signed(TelegramPayloads.BOT_TOKEN, 5L, now()));
		payload.put("id", 77L);
		this.client.post()
			.uri("/auth/telegram")
			.bodyValue(payload)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.accessToken")
			.doesNotExist();
	}

	@Test
	void refusesAMalformedLoginWith400Problem() {
		this.client.post()
			.uri("/auth/telegram")
			.bodyValue(Map.of("id", 5))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void acceptsLocalAdminTokens() {
		String token = LocalTokens.adminToken(TestTokens.SECRET, "local-admin");
		whoIs(token).jsonPath("$.subject")
			.isEqualTo("local-admin")
			.jsonPath("$.roles")
			.isEqualTo(java.util.List.of("user", "admin"))
			.jsonPath("$.expiresAt")
			.value((String expiresAt) -> assertThat(Instant.parse(expiresAt))
				.isBetween(Instant.now().plusSeconds(12 * 3600 - 60), Instant.now().plusSeconds(12 * 3600 + 60)));
	}

	@Test
	void whoAmIRequiresAToken() {
		this.client.get().uri("/auth/me").exchange().expectStatus().isUnauthorized();
	}

	private String logIn(Map<String, Object> payload) {
		Map<?, ?> body = this.client.post()
			.uri("/auth/telegram")
			.bodyValue(payload)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body.get("tokenType")).isEqualTo("Bearer");
		return (String) body.get("accessToken");
	}

	private WebTestClient.BodyContentSpec whoIs(String token) {
		return this.client.get()
			.uri("/auth/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
