package dev.coursehub.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** What the launcher prints once every service is UP. */
final class Summary {

	private Summary() {
	}

	/**
	 * @param processes name to pid of every process that makes up the stack, in the order
	 * to list them
	 * @param telegram the Telegram sandbox's URL, or what messaging-service talks to
	 * instead
	 * @param prometheus Prometheus' URL, or why it was not started
	 */
	static List<String> lines(StackConfig config, Console console, Map<String, Long> processes, String telegram,
			String prometheus) {
		Ports ports = config.ports();
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("CourseHub local stack is ready in " + Console.seconds(console.elapsed())
				+ " (since the launcher's JVM started)");
		lines.add("  gateway     http://localhost:" + ports.gateway());
		lines.add("  services    booking :" + ports.booking() + "  analytics :" + ports.analytics() + "  messaging :"
				+ ports.messaging());
		lines.add("  postgres    localhost:" + ports.postgres() + "  user " + StackConfig.DB_USER + " / password "
				+ StackConfig.DB_PASSWORD + "  databases " + String.join(", ", PostgresServer.DATABASES));
		lines.add("  kafka       localhost:" + ports.kafka());
		lines.add("  telegram    " + telegram);
		lines.add("  prometheus  " + prometheus);
		lines.add("  admin token " + config.adminTokenFile() + "   (12 h; curl -H \"Authorization: Bearer $(cat "
				+ config.adminTokenFile() + ")\" http://localhost:" + ports.gateway()
				+ "/api/booking/actuator/health)");
		lines.add("  logs        " + config.logsDir() + "/<name>.log");
		lines.add("  data        " + config.dataDir());
		lines.add("  memory (VmRSS)");
		long total = 0;
		for (Map.Entry<String, Long> process : processes.entrySet()) {
			long pid = process.getValue();
			OptionalLong rss = Memory.kib(pid, Memory.RSS);
			total += rss.orElse(0);
			String extra = "";
			if (process.getKey().equals("postgres")) {
				// server processes all map the shared buffers: count their own memory
				List<ProcessHandle> servers = ProcessHandle.of(pid)
					.map((postmaster) -> postmaster.descendants().toList())
					.orElse(List.of());
				long own = servers.stream()
					.mapToLong((server) -> Memory.kib(server.pid(), Memory.RSS_ANON).orElse(0))
					.sum();
				total += own;
				extra = "  + " + Memory.format(own) + " private to its " + servers.size() + " server processes";
			}
			lines.add(String.format("    %-18s pid %-8d %10s%s", process.getKey(), pid,
					rss.isPresent() ? Memory.format(rss.getAsLong()) : "?", extra));
		}
		lines.add(String.format("    %-31s %10s", "total", Memory.format(total)));
		lines.add("");
		lines.add("Press Ctrl-C to stop everything (or send SIGTERM to pid " + ProcessHandle.current().pid() + ").");
		return lines;
	}

}
