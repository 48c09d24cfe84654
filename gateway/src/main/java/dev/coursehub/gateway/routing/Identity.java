package dev.coursehub.gateway.routing;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The identity headers the gateway sets downstream, and the roles of a caller. */
public final class Identity {

	/** The verified user id, set by the gateway only. */
	public static final String USER_ID_HEADER = "X-User-Id";

	/** The verified roles, comma-separated, set by the gateway only. */
	public static final String USER_ROLES_HEADER = "X-User-Roles";

	private static final String ROLE_PREFIX = "ROLE_";

	private Identity() {
	}

	/**
	 * The caller's roles without Spring Security's {@code ROLE_} prefix.
	 * @param authentication the caller
	 * @return e.g. {@code [user, admin]}
	 */
	public static List<String> roles(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.toList();
	}

}
