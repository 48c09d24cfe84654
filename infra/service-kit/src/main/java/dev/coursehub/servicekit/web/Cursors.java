package dev.coursehub.servicekit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset-pagination cursors: the last id of a page, base64url-encoded, so clients
 * never build or parse them.
 */
public final class Cursors {

	private Cursors() {
	}

	public static String encode(long lastId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("b:" + lastId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The id after which the next page starts; null for the first page; 400 if forged.
	 */
	public static Long decode(String cursor) {
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
