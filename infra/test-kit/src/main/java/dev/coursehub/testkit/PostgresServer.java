package dev.coursehub.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL server shared by every test of one JVM. Each caller asks for a fresh
 * database with {@link #createDatabase(String)} so tests never see each other's rows.
 *
 * @see TestServers#postgres()
 */
public interface PostgresServer {

	String host();

	int port();

	String username();

	String password();

	/**
	 * Where the server comes from: {@code embedded}, {@code testcontainers} or
	 * {@code external}.
	 */
	String origin();

	default String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	default String r2dbcUrl(String database) {
		return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	/**
	 * Create a new, empty database whose name starts with the given prefix.
	 * @param prefix a readable prefix, e.g. the module or test class name
	 * @return the name of the created database
	 */
	default String createDatabase(String prefix) {
		String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		if (clean.length() > 40) {
			clean = clean.substring(0, 40);
		}
		String name = clean + "_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + name + "\"");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return name;
	}

}
