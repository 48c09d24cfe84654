package dev.coursehub.booking.booking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.coursehub.servicekit.web.Problems;

/** Opaque page cursors: the last id of a page, base64url-encoded. */
final class Cursors {

	private Cursors() {
	}

	static String encode(long lastId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("b:" + lastId).getBytes(StandardCharsets.UTF_8));
	}

	static Long decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!decoded.startsWith("b:")) {
				throw new IllegalArgumentException(decoded);
			}
			return Long.parseLong(decoded.substring(2));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid("cursor", "Not a cursor returned by this API");
		}
	}

}
