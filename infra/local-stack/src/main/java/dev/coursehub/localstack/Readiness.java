package dev.coursehub.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Waits until every health endpoint in a group is UP, printing each as it comes up and,
 * every few seconds, which ones are still starting. A crashed child or the start timeout
 * ends the wait with a {@link StackFailure}.
 */
final class Readiness {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration NOTE_EVERY = Duration.ofSeconds(10);

	private final Health health = new Health();

	private final Console console;

	private final Children children;

	private final long deadlineNanos;

	Readiness(Console console, Children children, long deadlineNanos) {
		this.console = console;
		this.children = children;
		this.deadlineNanos = deadlineNanos;
	}

	void await(List<Target> targets) {
		List<Target> waiting = new ArrayList<>(targets);
		long nextNote = System.nanoTime() + NOTE_EVERY.toNanos();
		while (true) {
			waiting.removeIf((target) -> {
				Health.Probe probe = this.health.probe(target.health(), target.bearerToken());
				if (probe.isRefused()) {
					throw new StackFailure(
							target.health() + " answered " + probe.status() + ": the health check was refused",
							target.log());
				}
				if (probe.isUp()) {
					this.console.step(target.label() + " is UP   " + target.health());
				}
				return probe.isUp();
			});
			if (waiting.isEmpty()) {
				return;
			}
			long now = System.nanoTime();
			if (now > this.deadlineNanos) {
				Target first = waiting.get(0);
				throw new StackFailure("not UP in time: " + labels(waiting) + " (" + first.health() + ")", first.log());
			}
			if (now > nextNote) {
				this.console.step("... still starting: " + labels(waiting));
				nextNote = now + NOTE_EVERY.toNanos();
			}
			this.children.pause(POLL, "while starting");
		}
	}

	private static String labels(List<Target> targets) {
		return targets.stream().map(Target::label).collect(Collectors.joining(", "));
	}

	/**
	 * A health endpoint to wait for.
	 *
	 * @param label what it is, e.g. {@code booking-service via gateway}
	 * @param health its URL
	 * @param log the log to show when it never comes up
	 * @param bearerToken the token to send, or {@code null}
	 */
	record Target(String label, URI health, Path log, String bearerToken) {

		Target(String label, URI health, Path log) {
			this(label, health, log, null);
		}

	}

}
