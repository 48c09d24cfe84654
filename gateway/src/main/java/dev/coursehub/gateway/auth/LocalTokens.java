package dev.coursehub.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Admin tokens for the local stack, signed with the gateway's local secret. Never used by
 * the gateway itself at run time.
 */
public final class LocalTokens {

	/** How long a local admin token is valid. */
	public static final Duration ADMIN_TOKEN_LIFETIME = Duration.ofHours(12);

	private LocalTokens() {
	}

	/**
	 * A signed HS256 admin token ({@code roles: ["user","admin"]}) valid for 12 hours.
	 * @param secret the gateway's {@code GATEWAY_JWT_SECRET} (at least 32 bytes)
	 * @param subject the user id the token stands for
	 * @return the compact JWT
	 */
	public static String adminToken(String secret, String subject) {
		return new TokenMinter(HmacSecrets.hs256(secret), Clock.systemUTC())
			.mint(subject, List.of(TokenMinter.USER, TokenMinter.ADMIN), ADMIN_TOKEN_LIFETIME)
			.getTokenValue();
	}

}
