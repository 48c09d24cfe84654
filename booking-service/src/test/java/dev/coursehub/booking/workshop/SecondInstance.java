package dev.coursehub.booking.workshop;

import dev.coursehub.booking.BookingServiceApplication;
import dev.coursehub.testkit.TestDatabase;
import dev.coursehub.testkit.TestServers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second booking-service on the same database and Kafka as the test's context: what two
 * instances behind the gateway are.
 */
final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static SecondInstance start(TestDatabase database) {
		return new SecondInstance(new SpringApplicationBuilder(BookingServiceApplication.class).run("--server.port=0",
				"--spring.r2dbc.url=" + database.r2dbcUrl(), "--spring.r2dbc.username=" + database.username(),
				"--spring.r2dbc.password=" + database.password(), "--spring.flyway.url=" + database.jdbcUrl(),
				"--spring.flyway.user=" + database.username(), "--spring.flyway.password=" + database.password(),
				"--spring.kafka.bootstrap-servers=" + TestServers.kafka().bootstrapServers()));
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
