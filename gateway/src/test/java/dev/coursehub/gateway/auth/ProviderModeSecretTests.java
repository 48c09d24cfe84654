package dev.coursehub.gateway.auth;

import dev.coursehub.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With an identity provider configured and Telegram login on, the gateway refuses to
 * start on the built-in local secret: anyone who read this repository could mint tokens.
 */
class ProviderModeSecretTests {

	@Test
	void refusesToStartWithTheLocalDefaultSecret() {
		SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class)
			.web(WebApplicationType.REACTIVE);
		// arguments, not default properties: application.yml would override those
		assertThatThrownBy(() -> gateway
			.run("--server.port=0", "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
					"--coursehub.gateway.auth.telegram.bot-token=" + TelegramPayloads.BOT_TOKEN)
			.close()).rootCause().hasMessageContaining("needs GATEWAY_JWT_SECRET");
	}

}
