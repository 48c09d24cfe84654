package dev.coursehub.gateway.requestlog;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: {@code 00-<trace id>-<parent id>-<flags>}.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param parentId 16 lower-case hex digits, not all zero
 * @param flags 2 hex digits
 */
record Traceparent(String traceId, String parentId, String flags) {

	static final String HEADER = "traceparent";

	private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

	private static final Random RANDOM = new SecureRandom();

	/** Parse a header value; {@code null} when absent or not a valid version-00 value. */
	static Traceparent parse(String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = FORMAT.matcher(header.trim());
		if (!matcher.matches() || matcher.group(1).matches("0+") || matcher.group(2).matches("0+")) {
			return null;
		}
		return new Traceparent(matcher.group(1), matcher.group(2), matcher.group(3));
	}

	/** A new trace, sampled. */
	static Traceparent newTrace() {
		return new Traceparent(randomHex(16), randomHex(8), "01");
	}

	/** The same trace with a new parent id: the gateway's own hop. */
	Traceparent nextHop() {
		return new Traceparent(this.traceId, randomHex(8), this.flags);
	}

	String value() {
		return "00-" + this.traceId + "-" + this.parentId + "-" + this.flags;
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		do {
			RANDOM.nextBytes(random);
		}
		while (isZero(random));
		return HexFormat.of().formatHex(random);
	}

	private static boolean isZero(byte[] bytes) {
		for (byte b : bytes) {
			if (b != 0) {
				return false;
			}
		}
		return true;
	}

}
