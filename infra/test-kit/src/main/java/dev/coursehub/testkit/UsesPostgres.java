package dev.coursehub.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Gives a Spring Boot test a real PostgreSQL database of its own, wired in as
 * {@code @ServiceConnection} does: {@code R2dbcConnectionDetails} and
 * {@code FlywayConnectionDetails} beans that win over {@code application.yml}. The server
 * is shared by the whole JVM; the database is new for each application context, so test
 * classes with different contexts never see each other's rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PostgresConnections.class)
public @interface UsesPostgres {

}
