package dev.coursehub.gateway.auth;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/** Turns a verified Telegram login into a gateway user token. */
@Service
class TelegramLogin {

	private final TelegramLoginVerifier verifier;

	private final TokenMinter minter;

	private final Set<String> adminIds;

	private final AuthProperties properties;

	TelegramLogin(AuthProperties properties, Clock clock) {
		this.verifier = new TelegramLoginVerifier(properties.telegram().botToken(), properties.telegram().maxAge(),
				clock);
		this.minter = new TokenMinter(HmacSecrets.hs256(properties.jwtSecret()), clock);
		this.adminIds = Set.copyOf(properties.adminIds());
		this.properties = properties;
	}

	/**
	 * Verify the widget payload and issue a token for the Telegram user.
	 * @throws TelegramLoginException when the login is refused
	 */
	Jwt logIn(Map<String, ?> payload) {
		String telegramId = this.verifier.verify(payload);
		List<String> roles = this.adminIds.contains(telegramId) ? List.of(TokenMinter.USER, TokenMinter.ADMIN)
				: List.of(TokenMinter.USER);
		return this.minter.mint(telegramId, roles, this.properties.tokenLifetime());
	}

}
