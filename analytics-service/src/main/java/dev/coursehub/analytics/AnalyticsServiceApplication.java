package dev.coursehub.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Keeps CourseHub's figures (streams, conversion, user growth, session fill) exactly
 * right from booking events, whatever Kafka redelivers.
 */
@SpringBootApplication
public class AnalyticsServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnalyticsServiceApplication.class, args);
	}

}
