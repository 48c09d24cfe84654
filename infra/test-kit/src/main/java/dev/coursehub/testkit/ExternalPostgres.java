package dev.coursehub.testkit;

import java.net.URI;
import java.util.Map;

/** A PostgreSQL server that is already running, named by environment variables. */
record ExternalPostgres(String host, int port, String username, String password) implements PostgresServer {

	static ExternalPostgres fromEnvironment(String url, Map<String, String> env) {
		// accepts postgresql://host:port or jdbc:postgresql://host:port[/db]
		URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
		int port = (uri.getPort() != -1) ? uri.getPort() : 5432;
		return new ExternalPostgres(uri.getHost(), port, env.getOrDefault("COURSEHUB_TEST_POSTGRES_USER", "postgres"),
				env.getOrDefault("COURSEHUB_TEST_POSTGRES_PASSWORD", "postgres"));
	}

	@Override
	public String origin() {
		return "external";
	}

}
