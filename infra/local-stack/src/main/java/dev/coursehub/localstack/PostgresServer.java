package dev.coursehub.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries) on a fixed port and a fixed data directory
 * in the data folder. zonky runs {@code initdb} only while that directory has no
 * {@code postgresql.conf}, so later starts reuse the data; {@code pg_ctl} detaches the
 * server, so it is stopped explicitly, never left to the JVM's end.
 */
final class PostgresServer {

	static final List<String> DATABASES = List.of("booking", "analytics", "messaging");

	private final EmbeddedPostgres postgres;

	private final PostmasterPidFile pidFile;

	private final long pid;

	private PostgresServer(EmbeddedPostgres postgres, PostmasterPidFile pidFile, long pid) {
		this.postgres = postgres;
		this.pidFile = pidFile;
		this.pid = pid;
	}

	/** Whether this data folder has no database cluster yet. */
	static boolean isFresh(StackConfig config) {
		return !Files.exists(config.postgresDir().resolve("postgresql.conf"));
	}

	static PostgresServer start(StackConfig config) throws IOException {
		Path dataDir = config.postgresDir();
		PostmasterPidFile pidFile = new PostmasterPidFile(dataDir);
		File log = config.logFile("postgres").toFile();
		EmbeddedPostgres postgres;
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPort(config.ports().postgres())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
				.start();
		}
		catch (IOException | RuntimeException ex) {
			// pg_ctl may have started a server that never became ready
			pidFile.runningServer().ifPresent((server) -> Leftovers.stop(server, Duration.ofSeconds(10)));
			throw new StackFailure("PostgreSQL did not start: " + ex.getMessage(), log.toPath(), ex);
		}
		PostgresServer server = new PostgresServer(postgres, pidFile, pidFile.pid().orElse(-1));
		try {
			server.createMissingDatabases();
		}
		catch (SQLException ex) {
			server.stop();
			throw new StackFailure("Could not create the databases: " + ex.getMessage(), log.toPath(), ex);
		}
		return server;
	}

	private void createMissingDatabases() throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
				Statement create = connection.createStatement()) {
			for (String database : DATABASES) {
				exists.setString(1, database);
				try (ResultSet rows = exists.executeQuery()) {
					if (!rows.next()) {
						// names from the fixed list above, never from input
						create.execute("CREATE DATABASE \"" + database + "\"");
					}
				}
			}
		}
	}

	/** The postmaster's pid, or -1 when it could not be read. */
	long pid() {
		return this.pid;
	}

	Optional<ProcessHandle> process() {
		return ProcessHandle.of(this.pid);
	}

	/** {@code pg_ctl stop -m fast}; a postmaster still running after that is killed. */
	void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// checked below
		}
		process().filter(ProcessHandle::isAlive)
			.or(this.pidFile::runningServer)
			.ifPresent((server) -> Leftovers.stop(server, Duration.ofSeconds(10)));
	}

}
