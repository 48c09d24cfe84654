package dev.coursehub.gateway.auth;

import java.time.Instant;
import java.util.List;

/**
 * Who the caller is, as the gateway sees it.
 *
 * @param subject the user id
 * @param roles {@code user}, and {@code admin} for admins
 * @param expiresAt when the caller's token expires
 */
record Caller(String subject, List<String> roles, Instant expiresAt) {
}
