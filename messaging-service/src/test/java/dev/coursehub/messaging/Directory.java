package dev.coursehub.messaging;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test data: recipients put straight into the directory, each test with user ids of its
 * own.
 */
public final class Directory {

	private static final AtomicLong nextUserId = new AtomicLong(500_000);

	private final DatabaseClient database;

	public Directory(DatabaseClient database) {
		this.database = database;
	}

	/** {@code count} new reachable recipients, with consecutive ids. */
	public long[] recipients(int count) {
		long first = nextUserId.getAndAdd(count);
		long[] ids = LongStream.range(first, first + count).toArray();
		for (long id : ids) {
			this.database.sql("INSERT INTO recipient (user_id, username, first_name) VALUES (:id, :name, 'Test')")
				.bind("id", id)
				.bind("name", "user" + id)
				.then()
				.block();
		}
		return ids;
	}

}
