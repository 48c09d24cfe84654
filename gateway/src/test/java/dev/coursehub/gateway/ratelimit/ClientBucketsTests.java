package dev.coursehub.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientBucketsTests {

	@Test
	void keepsAtMostMaxClientsBuckets() {
		ClientBuckets buckets = new ClientBuckets(new RateLimitProperties(5, 1, Duration.ofMinutes(1), 100));
		for (int client = 0; client < 10_000; client++) {
			buckets.tryConsume("ip:10.0." + client);
		}
		assertThat(buckets.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void allowsTheCapacityThenRefusesWithTheWaitUntilTheNextToken() {
		ClientBuckets buckets = new ClientBuckets(new RateLimitProperties(3, 1, Duration.ofMinutes(1), 100));
		for (int i = 0; i < 3; i++) {
			assertThat(buckets.tryConsume("user:1").isConsumed()).isTrue();
		}
		var refused = buckets.tryConsume("user:1");
		assertThat(refused.isConsumed()).isFalse();
		assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isBetween(Duration.ofSeconds(50),
				Duration.ofMinutes(1));
		assertThat(buckets.tryConsume("user:2").isConsumed()).isTrue();
	}

}
