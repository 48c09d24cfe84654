package dev.coursehub.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process' memory, from {@code /proc/<pid>/status}. */
final class Memory {

	/** Resident memory, shared pages included. */
	static final String RSS = "VmRSS";

	/** Resident memory private to the process (no shared memory, no mapped files). */
	static final String RSS_ANON = "RssAnon";

	private Memory() {
	}

	static OptionalLong kib(long pid, String field) {
		try {
			return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "status")), field);
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	static OptionalLong parse(String status, String field) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(field) + ":\\s+(\\d+)\\s+kB", Pattern.MULTILINE)
			.matcher(status);
		return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
	}

	static String format(long kib) {
		return String.format("%,d MiB", Math.round(kib / 1024.0));
	}

}
