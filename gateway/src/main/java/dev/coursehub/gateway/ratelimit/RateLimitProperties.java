package dev.coursehub.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-client token buckets.
 *
 * @param capacity the largest burst a client may send
 * @param refillTokens tokens given back every {@code refillPeriod}
 * @param refillPeriod how often {@code refillTokens} come back
 * @param maxClients most buckets kept in memory; the least recently used go first
 */
@ConfigurationProperties("coursehub.gateway.rate-limit")
record RateLimitProperties(long capacity, long refillTokens, Duration refillPeriod, long maxClients) {

	/**
	 * How long an idle client's bucket takes to fill up again: it can be forgotten then.
	 */
	Duration timeToFill() {
		long periods = (this.capacity + this.refillTokens - 1) / this.refillTokens;
		return this.refillPeriod.multipliedBy(Math.max(1, periods));
	}

}
