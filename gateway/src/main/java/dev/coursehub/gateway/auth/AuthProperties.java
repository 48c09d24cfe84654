package dev.coursehub.gateway.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings: the local HS256 secret, the lifetime of the tokens the gateway
 * issues, the Telegram ids that are admins and the Telegram login settings.
 *
 * @param jwtSecret HS256 secret, at least 32 bytes
 * @param tokenLifetime lifetime of the user tokens issued after a Telegram login
 * @param adminIds Telegram user ids that get the admin role
 * @param telegram Telegram login settings
 */
@ConfigurationProperties("coursehub.gateway.auth")
record AuthProperties(String jwtSecret, Duration tokenLifetime, List<String> adminIds, Telegram telegram) {

	AuthProperties {
		adminIds = (adminIds != null) ? adminIds.stream().map(String::trim).filter((id) -> !id.isEmpty()).toList()
				: List.of();
	}

	/**
	 * @param botToken the bot's token; Telegram login is refused while it is empty
	 * @param maxAge oldest accepted {@code auth_date}
	 */
	record Telegram(String botToken, Duration maxAge) {
	}

}
