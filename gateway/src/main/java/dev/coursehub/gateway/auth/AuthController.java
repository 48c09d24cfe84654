package dev.coursehub.gateway.auth;

import java.util.Map;

import dev.coursehub.gateway.routing.Identity;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The gateway's own endpoints: Telegram login and who-am-I. */
@RestController
class AuthController {

	private final TelegramLogin telegramLogin;

	AuthController(TelegramLogin telegramLogin) {
		this.telegramLogin = telegramLogin;
	}

	@PostMapping("/auth/telegram")
	IssuedToken telegram(@RequestBody Map<String, Object> payload) {
		try {
			Jwt token = this.telegramLogin.logIn(payload);
			return new IssuedToken(token.getTokenValue(), "Bearer", token.getExpiresAt());
		}
		catch (TelegramLoginException ex) {
			HttpStatus status = switch (ex.reason()) {
				case NOT_CONFIGURED -> HttpStatus.SERVICE_UNAVAILABLE;
				case MALFORMED -> HttpStatus.BAD_REQUEST;
				default -> HttpStatus.UNAUTHORIZED;
			};
			throw new ResponseStatusException(status, ex.getMessage());
		}
	}

	@GetMapping("/auth/me")
	Caller me(JwtAuthenticationToken authentication) {
		return new Caller(authentication.getName(), Identity.roles(authentication),
				authentication.getToken().getExpiresAt());
	}

}
