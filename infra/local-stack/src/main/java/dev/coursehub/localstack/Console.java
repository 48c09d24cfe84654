package dev.coursehub.localstack;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the launcher prints, each step with the time since its JVM was launched. */
final class Console {

	private final Instant start;

	private final PrintStream out;

	private final PrintStream err;

	Console(Instant start, PrintStream out, PrintStream err) {
		this.start = start;
		this.out = out;
		this.err = err;
	}

	static Console system() {
		// the JVM's start, not the process': run.sh execs java after building
		Instant start = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		return new Console(start, System.out, System.err);
	}

	Duration elapsed() {
		return Duration.between(this.start, Instant.now());
	}

	static String seconds(Duration duration) {
		return String.format("%.1fs", duration.toMillis() / 1000.0);
	}

	synchronized void step(String message) {
		this.out.printf("[%6s] %s%n", seconds(elapsed()), message);
		this.out.flush();
	}

	synchronized void line(String message) {
		this.out.println(message);
		this.out.flush();
	}

	/** A failure, loud, with the end of the log that explains it. */
	synchronized void failure(String message, String logName, List<String> tail) {
		this.err.println();
		this.err.printf("[%6s] FAILED: %s%n", seconds(elapsed()), message);
		if (logName != null) {
			this.err.println("---- last " + tail.size() + " lines of " + logName + " ----");
			tail.forEach((line) -> this.err.println("  | " + line));
			this.err.println("---- end of " + logName + " ----");
		}
		this.err.flush();
	}

}
