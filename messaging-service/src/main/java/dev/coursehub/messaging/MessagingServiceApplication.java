package dev.coursehub.messaging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Admins' broadcasts to users through the Telegram Bot API, with a recipient directory
 * built from booking events and per-recipient delivery tracking.
 */
@SpringBootApplication
public class MessagingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(MessagingServiceApplication.class, args);
	}

}
