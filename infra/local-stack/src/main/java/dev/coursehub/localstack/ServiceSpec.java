package dev.coursehub.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the four services: the fat jar it runs from and the environment it gets.
 *
 * @param name the module and process name, e.g. {@code booking-service}
 * @param route the gateway path segment, e.g. {@code booking} for {@code /api/booking/**}
 * @param jar the service's fat jar
 * @param port its HTTP port
 * @param environment the variables its {@code application.yml} reads
 */
record ServiceSpec(String name, String route, Path jar, int port, Map<String, String> environment) {

	static final String GATEWAY = "gateway";

	/**
	 * The three back-end services, each with its own database; messaging-service also
	 * gets {@code telegram} (the sandbox's URL and token, or nothing).
	 */
	static List<ServiceSpec> backEnds(StackConfig config, Map<String, String> telegram) {
		Ports ports = config.ports();
		return List.of(backEnd(config, "booking", ports.booking(), Map.of()),
				backEnd(config, "analytics", ports.analytics(), Map.of()),
				backEnd(config, "messaging", ports.messaging(), telegram));
	}

	/**
	 * The gateway, routing to the back ends and verifying tokens with {@code jwtSecret}.
	 */
	static ServiceSpec gateway(StackConfig config, String jwtSecret) {
		Ports ports = config.ports();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PORT", String.valueOf(ports.gateway()));
		env.put("BOOKING_URL", "http://localhost:" + ports.booking());
		env.put("ANALYTICS_URL", "http://localhost:" + ports.analytics());
		env.put("MESSAGING_URL", "http://localhost:" + ports.messaging());
		env.put(GatewayAuth.SECRET_VARIABLE, jwtSecret);
		// the merged API document and its Swagger UI open without a token on a laptop
		env.put("GATEWAY_DOCS_ACCESS", "public");
		return new ServiceSpec(GATEWAY, null, jar(config, GATEWAY), ports.gateway(), env);
	}

	private static ServiceSpec backEnd(StackConfig config, String route, int port, Map<String, String> extra) {
		String name = route + "-service";
		Map<String, String> env = new LinkedHashMap<>();
		env.put("PORT", String.valueOf(port));
		env.put("DB_HOST", "localhost");
		env.put("DB_PORT", String.valueOf(config.ports().postgres()));
		env.put("DB_NAME", route);
		env.put("DB_USER", StackConfig.DB_USER);
		env.put("DB_PASSWORD", StackConfig.DB_PASSWORD);
		env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.ports().kafka());
		env.putAll(extra);
		return new ServiceSpec(name, route, jar(config, name), port, env);
	}

	private static Path jar(StackConfig config, String module) {
		return config.repoRoot().resolve(module).resolve("target").resolve(module + ".jar");
	}

	URI url() {
		return URI.create("http://localhost:" + this.port);
	}

	URI health() {
		return URI.create(url() + "/actuator/health");
	}

	/** The service's health as reached through the gateway's route. */
	URI healthThroughGateway(int gatewayPort) {
		return URI.create("http://localhost:" + gatewayPort + "/api/" + this.route + "/actuator/health");
	}

}
