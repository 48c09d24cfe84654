package dev.coursehub.servicekit;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * What every CourseHub service that talks to Kafka gets: a {@code kafka} health indicator
 * and an error handler that retries a failing record a few times with backoff and then
 * dead-letters it, instead of spring-kafka's default of logging and dropping it after ten
 * tries. Records that cannot be deserialized, and {@link RejectedRecordException}s, are
 * dead-lettered at once: retrying cannot fix them.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public final class ServiceKitAutoConfiguration {

	@Bean(name = "kafkaHealthIndicator")
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
		return new KafkaHealthIndicator(admin, Duration.ofSeconds(3));
	}

	// before the error handler: with it registered, CommonErrorHandler is no longer
	// missing
	@Bean
	@ConditionalOnBean(ProducerFactory.class)
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DeadLetterCounter deadLetterCounter(MeterRegistry registry,
			ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		return new DeadLetterCounter(registry, listeners);
	}

	@Bean
	@ConditionalOnBean(ProducerFactory.class)
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(ProducerFactory<?, ?> producerFactory, DeadLetterCounter counter) {
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(deadLetterProducerFactory(producerFactory));
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(4);
		backOff.setInitialInterval(500);
		backOff.setMultiplier(3);
		backOff.setMaxInterval(15_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetters(template, counter), backOff);
		handler.addNotRetryableExceptions(RejectedRecordException.class);
		return handler;
	}

	/**
	 * The service's producer settings, with serializers that write a record that could
	 * not be deserialized as its original bytes and anything else as JSON.
	 */
	private static ProducerFactory<Object, Object> deadLetterProducerFactory(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		Map<Class<?>, Serializer<?>> keys = new LinkedHashMap<>();
		keys.put(byte[].class, new ByteArraySerializer());
		keys.put(Object.class, new StringSerializer());
		Map<Class<?>, Serializer<?>> values = new LinkedHashMap<>();
		values.put(byte[].class, new ByteArraySerializer());
		values.put(String.class, new StringSerializer());
		values.put(Object.class, new JacksonJsonSerializer<>().noTypeInfo());
		return new DefaultKafkaProducerFactory<>(config, new DelegatingByTypeSerializer(keys, true),
				new DelegatingByTypeSerializer(values, true));
	}

}
