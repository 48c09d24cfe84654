package dev.coursehub.testkit;

/**
 * The database a Spring test context got from {@link UsesPostgres}: created empty for
 * that context on the JVM's shared server.
 *
 * @param name database name
 * @param jdbcUrl JDBC URL (for Flyway and direct SQL in tests)
 * @param r2dbcUrl R2DBC URL
 * @param username user name
 * @param password password
 */
public record TestDatabase(String name, String jdbcUrl, String r2dbcUrl, String username, String password) {

	/** Create a fresh database named after the prefix on the JVM's PostgreSQL server. */
	public static TestDatabase create(String prefix) {
		PostgresServer server = TestServers.postgres();
		String name = server.createDatabase(prefix);
		return new TestDatabase(name, server.jdbcUrl(name), server.r2dbcUrl(name), server.username(),
				server.password());
	}

}
