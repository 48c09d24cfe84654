package dev.coursehub.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One in-memory Bucket4j bucket per client key, in a Caffeine cache bounded by size; a
 * bucket idle long enough to be full again is dropped, which changes nothing for its
 * client.
 */
class ClientBuckets {

	private final Cache<String, Bucket> buckets;

	private final RateLimitProperties properties;

	ClientBuckets(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxClients())
			.expireAfterAccess(properties.timeToFill())
			.build();
	}

	ConsumptionProbe tryConsume(String clientKey) {
		return this.buckets.get(clientKey, (key) -> newBucket()).tryConsumeAndReturnRemaining(1);
	}

	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.properties.capacity())
				.refillGreedy(this.properties.refillTokens(), this.properties.refillPeriod())
				.build())
			.build();
	}

}
