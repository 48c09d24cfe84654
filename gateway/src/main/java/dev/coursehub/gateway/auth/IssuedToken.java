package dev.coursehub.gateway.auth;

import java.time.Instant;

/**
 * The answer to a successful login.
 *
 * @param accessToken the signed JWT to send as {@code Authorization: Bearer}
 * @param tokenType always {@code Bearer}
 * @param expiresAt when the token stops being accepted
 */
record IssuedToken(String accessToken, String tokenType, Instant expiresAt) {
}
