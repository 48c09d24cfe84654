package dev.coursehub.servicekit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The transactional outbox for every service with R2DBC and a Kafka template: an
 * {@link Outbox} that writes events in the caller's transaction to the service's own
 * {@code outbox_event} table (created by the service's migration) and a relay that
 * publishes them to {@code coursehub.outbox.topic}. A service opts in by setting that
 * topic: one without an outbox table (analytics-service) gets none of these beans.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ DatabaseClient.class, KafkaTemplate.class })
@ConditionalOnBean({ DatabaseClient.class, KafkaTemplate.class })
@ConditionalOnProperty("coursehub.outbox.topic")
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(DatabaseClient database, JsonMapper json, @Value("${coursehub.outbox.topic}") String topic) {
		return new Outbox(database, json, topic);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxMetrics outboxMetrics(DatabaseClient database, MeterRegistry registry) {
		return new OutboxMetrics(database, registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "coursehub.outbox.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(DatabaseClient database, ReactiveTransactionManager transactionManager,
			KafkaTemplate<String, String> kafka, OutboxProperties properties, OutboxMetrics metrics) {
		return new OutboxRelay(database, TransactionalOperator.create(transactionManager), kafka, properties, metrics);
	}

}
