package dev.coursehub.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/** The logs folder: one file per process, the previous run's kept as {@code .1}. */
final class LogFiles {

	private static final int TAIL_BYTES = 64 * 1024;

	private LogFiles() {
	}

	/** Moves last run's log aside so each run starts a fresh file. */
	static void rotate(Path log) {
		try {
			Files.createDirectories(log.getParent());
			if (Files.exists(log)) {
				Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not rotate " + log, ex);
		}
	}

	/** The last {@code count} lines of a log; empty when there is none. */
	static List<String> tail(Path log, int count) {
		if (!Files.isRegularFile(log)) {
			return List.of();
		}
		try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
			long start = Math.max(0, file.length() - TAIL_BYTES);
			byte[] bytes = new byte[(int) (file.length() - start)];
			file.seek(start);
			file.readFully(bytes);
			List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R", -1));
			if (start > 0) {
				// the first line was cut in the middle
				lines = lines.subList(1, lines.size());
			}
			if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
				lines = lines.subList(0, lines.size() - 1);
			}
			return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
		}
		catch (IOException ex) {
			return List.of("(could not read " + log + ": " + ex.getMessage() + ")");
		}
	}

}
