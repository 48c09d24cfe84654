package dev.coursehub.gateway.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.coursehub.gateway.TestTokens;

/** Prints an admin token for the benchmark's gateway; argument: its HS256 secret. */
public final class AdminToken {

	private AdminToken() {
	}

	public static void main(String[] args) {
		System.out.println(TestTokens.sign(args[0], "coursehub-gateway", "1", List.of("user", "admin"),
				Instant.now().plus(Duration.ofHours(2))));
	}

}
