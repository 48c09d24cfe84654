package dev.coursehub.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Gives a Spring Boot test the JVM's real Kafka broker through a
 * {@code KafkaConnectionDetails} bean, as {@code @ServiceConnection} does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(KafkaConnections.class)
public @interface UsesKafka {

}
