package dev.coursehub.messaging.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.coursehub.telegramsandbox.OneSecondWindows;

/**
 * When each {@code sendMessage} request crossed the loopback interface, as the kernel
 * stamped it ({@code tcpdump}): what the service really put on the wire, free of the
 * sandbox's own delays in reading and stamping it (its threads share the 2 cores with
 * everything else). Only the timestamps are kept, never the payload. Without
 * {@code tcpdump} (or the rights to capture) it records nothing and says so.
 */
final class WireCapture implements AutoCloseable {

	private static final Pattern PACKET = Pattern.compile("^(\\d+)\\.(\\d{6}) IP ");

	private static final long SECOND = 1_000_000L;

	private final Process process;

	private final List<Long> requests = new ArrayList<>();

	private WireCapture(Process process) {
		this.process = process;
		if (process != null) {
			Thread reader = new Thread(this::read, "wire-capture");
			reader.setDaemon(true);
			reader.start();
		}
	}

	/** Captures requests to {@code port} on the loopback interface, if it can. */
	static WireCapture start(int port) {
		if (!Files.isExecutable(Path.of("/usr/bin/tcpdump")) && !Files.isExecutable(Path.of("/usr/sbin/tcpdump"))) {
			return new WireCapture(null);
		}
		try {
			return new WireCapture(new ProcessBuilder("tcpdump", "-i", "lo", "-n", "-tt", "-l", "-A", "-s", "300",
					"tcp dst port " + port)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start());
		}
		catch (IOException ex) {
			return new WireCapture(null);
		}
	}

	/**
	 * A packet line starts with its time; the payload lines after it hold the request
	 * line of a new request.
	 */
	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.ISO_8859_1))) {
			long packet = -1;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				Matcher time = PACKET.matcher(line);
				if (time.find()) {
					packet = Long.parseLong(time.group(1)) * SECOND + Long.parseLong(time.group(2));
				}
				else if (packet >= 0 && line.contains("POST /bot") && line.contains("/sendMessage")) {
					synchronized (this.requests) {
						this.requests.add(packet);
					}
					packet = -1;
				}
			}
		}
		catch (IOException ex) {
			// the capture ended
		}
	}

	/** Forgets the requests seen so far (the warm-up's). */
	void reset() {
		synchronized (this.requests) {
			this.requests.clear();
		}
	}

	/**
	 * Requests seen, the most within any one second, and how many made more than
	 * {@code limit} within the second before them (as the sandbox counts violations).
	 */
	String summary(int limit) {
		if (this.process == null) {
			return "unavailable (no tcpdump)";
		}
		List<Long> times;
		synchronized (this.requests) {
			times = new ArrayList<>(this.requests);
		}
		times.sort(null);
		int most = 0;
		int over = 0;
		for (int inSecond : OneSecondWindows.counts(times, SECOND)) {
			most = Math.max(most, inSecond);
			over += (inSecond > limit) ? 1 : 0;
		}
		return "requests=" + times.size() + " maxInOneSecond=" + most + " overLimit=" + over;
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.process.destroy();
		}
	}

}
