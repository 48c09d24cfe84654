package dev.coursehub.booking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * The whole booking-service on a real PostgreSQL and Kafka; test classes carrying it
 * share one application context (and database), so each test makes its own courses and
 * users.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
public @interface BookingServiceIT {

}
