package dev.coursehub.testkit;

import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Connection details for the test context's own database. */
@TestConfiguration(proxyBeanMethods = false)
class PostgresConnections {

	@Bean
	TestDatabase testDatabase(Environment environment) {
		return TestDatabase.create(environment.getProperty("spring.application.name", "test"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(R2dbcConnectionDetails.class)
	static class R2dbc {

		@Bean
		R2dbcConnectionDetails testR2dbcConnectionDetails(TestDatabase database) {
			ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(database.r2dbcUrl())
				.mutate()
				.option(ConnectionFactoryOptions.USER, database.username())
				.option(ConnectionFactoryOptions.PASSWORD, database.password())
				.build();
			return () -> options;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FlywayConnectionDetails.class)
	static class Flyway {

		@Bean
		FlywayConnectionDetails testFlywayConnectionDetails(TestDatabase database) {
			return new FlywayConnectionDetails() {

				@Override
				public String getUsername() {
					return database.username();
				}

				@Override
				public String getPassword() {
					return database.password();
				}

				@Override
				public String getJdbcUrl() {
					return database.jdbcUrl();
				}

			};
		}

	}

}
