package dev.coursehub.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The write side of CourseHub: courses, streams, bookings, registrations, users,
 * workshops and sessions. Every change others care about leaves through the outbox.
 */
@SpringBootApplication
public class BookingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(BookingServiceApplication.class, args);
	}

}
