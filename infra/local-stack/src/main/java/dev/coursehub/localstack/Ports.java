package dev.coursehub.localstack;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port the local stack uses. The defaults keep clear of a system PostgreSQL (5432)
 * and Kafka (9092); each one can be changed with its environment variable. Prometheus
 * keeps its usual 9090.
 */
record Ports(int gateway, int booking, int analytics, int messaging, int postgres, int kafka, int kafkaController,
		int telegramSandbox, int prometheus) {

	static final String GATEWAY = "COURSEHUB_GATEWAY_PORT";

	static final String BOOKING = "COURSEHUB_BOOKING_PORT";

	static final String ANALYTICS = "COURSEHUB_ANALYTICS_PORT";

	static final String MESSAGING = "COURSEHUB_MESSAGING_PORT";

	static final String POSTGRES = "COURSEHUB_POSTGRES_PORT";

	static final String KAFKA = "COURSEHUB_KAFKA_PORT";

	static final String KAFKA_CONTROLLER = "COURSEHUB_KAFKA_CONTROLLER_PORT";

	static final String TELEGRAM_SANDBOX = "COURSEHUB_TELEGRAM_SANDBOX_PORT";
	static final String PROMETHEUS = "COURSEHUB_PROMETHEUS_PORT";

	/** Environment variable and default, in the order they are documented. */
	static final Map<String, Integer> DEFAULTS = defaults();

	static Ports from(Map<String, String> env) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		Map<Integer, String> owners = new HashMap<>();
		DEFAULTS.forEach((variable, fallback) -> {
			int port = parse(variable, env.get(variable), fallback);
			String other = owners.putIfAbsent(port, variable);
			if (other != null) {
				throw new IllegalArgumentException(other + " and " + variable + " both use port " + port);
			}
			ports.put(variable, port);
		});
		return new Ports(ports.get(GATEWAY), ports.get(BOOKING), ports.get(ANALYTICS), ports.get(MESSAGING),
				ports.get(POSTGRES), ports.get(KAFKA), ports.get(KAFKA_CONTROLLER), ports.get(TELEGRAM_SANDBOX),
				ports.get(PROMETHEUS));
	}

	private static int parse(String variable, String value, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value.trim());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(variable + " must be a port number (1-65535), not '" + value + "'");
	}

	private static Map<String, Integer> defaults() {
		Map<String, Integer> defaults = new LinkedHashMap<>();
		defaults.put(GATEWAY, 8080);
		defaults.put(BOOKING, 8081);
		defaults.put(ANALYTICS, 8082);
		defaults.put(MESSAGING, 8083);
		defaults.put(POSTGRES, 15432);
		defaults.put(KAFKA, 19092);
		defaults.put(KAFKA_CONTROLLER, 19093);
		defaults.put(TELEGRAM_SANDBOX, 8084);
		defaults.put(PROMETHEUS, 9090);
		return Collections.unmodifiableMap(defaults);
	}

}
