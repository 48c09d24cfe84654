package dev.coursehub.messaging.telegram;

import java.time.Duration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

	@Bean(destroyMethod = "close")
	TelegramClient telegramClient(TelegramProperties properties) {
		return new TelegramClient(WebClient.builder(), properties);
	}

	/**
	 * Bucket4j on a small JDBC pool of its own (the service itself uses R2DBC), on the
	 * database Flyway migrates. The pool is no bean, so nothing else mistakes it for the
	 * service's data source; the limits close it.
	 */
	@Bean(destroyMethod = "close")
	TelegramLimits telegramLimits(FlywayConnectionDetails connection, TelegramProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(connection.getJdbcUrl());
		config.setUsername(connection.getUsername());
		config.setPassword(connection.getPassword());
		config.setMaximumPoolSize(8);
		config.setMinimumIdle(1);
		config.setPoolName("telegram-limits");
		HikariDataSource pool = new HikariDataSource(config);
		BucketClock clock = new BucketClock();
		return new TelegramLimits(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(pool)
			.table("telegram_rate_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(30)))
			.clientClock(clock)
			.build(), properties, clock, pool);
	}

}
