package dev.coursehub.testkit;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers container, for machines with a Docker engine. */
final class ContainerPostgres implements PostgresServer {

	static final String IMAGE = "postgres:18-alpine";

	private final PostgreSQLContainer container;

	private ContainerPostgres(PostgreSQLContainer container) {
		this.container = container;
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
	static ContainerPostgres start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand("postgres", "-c",
				"max_connections=300");
		container.start();
		return new ContainerPostgres(container);
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}

	@Override
	public String origin() {
		return "testcontainers";
	}

}
