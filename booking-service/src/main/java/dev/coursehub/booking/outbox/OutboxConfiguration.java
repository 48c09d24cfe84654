package dev.coursehub.booking.outbox;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

	@Bean
	OutboxMetrics outboxMetrics(DatabaseClient database, MeterRegistry registry) {
		return new OutboxMetrics(database, registry);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "coursehub.outbox.enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(DatabaseClient database, ReactiveTransactionManager transactionManager,
			KafkaTemplate<String, String> kafka, OutboxProperties properties, OutboxMetrics metrics) {
		return new OutboxRelay(database, TransactionalOperator.create(transactionManager), kafka, properties, metrics);
	}

}
