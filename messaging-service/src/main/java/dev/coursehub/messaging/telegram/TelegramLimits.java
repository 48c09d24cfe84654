package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Telegram's limits as Bucket4j buckets kept in PostgreSQL, so every instance draws from
 * the same ones: bucket {@value #GLOBAL} is the global send rate, any other key is a
 * chat. Each bucket holds one token and refills at the limit's rate, so sends are spaced
 * evenly: never more than the limit in any window of the limit's length, plus the one
 * token a bucket holds. Bucket4j's PostgreSQL proxy speaks JDBC: calls run on a bounded
 * elastic scheduler, never on an event loop.
 */
public class TelegramLimits implements AutoCloseable {

	static final long GLOBAL = 0L;

	private final ProxyManager<Long> buckets;

	private final TelegramProperties properties;

	private final Scheduler jdbc = Schedulers.boundedElastic();

	private final AutoCloseable pool;

	public TelegramLimits(ProxyManager<Long> buckets, TelegramProperties properties, AutoCloseable pool) {
		this.buckets = buckets;
		this.properties = properties;
		this.pool = pool;
	}

	@Override
	public void close() throws Exception {
		this.pool.close();
	}

	/** Takes a global token, waiting (without blocking a thread) until one is there. */
	public Mono<Void> acquireGlobal() {
		return tryConsume(GLOBAL, this::globalConfiguration).flatMap(
				(wait) -> wait.isZero() ? Mono.<Void>empty() : Mono.delay(wait).then(Mono.defer(this::acquireGlobal)));
	}

	/**
	 * Takes the chat's token if it is there: zero; otherwise how long until it is, and
	 * nothing is taken.
	 */
	public Mono<Duration> tryChat(long chatId) {
		return tryConsume(chatId, () -> chatConfiguration(chatId));
	}

	/** Deletes the buckets of chats that have refilled, so the table stays small. */
	public Mono<Integer> removeExpired() {
		if (this.buckets instanceof io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner cleaner) {
			return Mono.fromCallable(() -> cleaner.removeExpired(1000)).subscribeOn(this.jdbc);
		}
		return Mono.just(0);
	}

	private Mono<Duration> tryConsume(long key, Supplier<BucketConfiguration> configuration) {
		return Mono.fromCallable(() -> {
			ConsumptionProbe probe = this.buckets.builder()
				.withImplicitConfigurationReplacement(configurationVersion(), TokensInheritanceStrategy.RESET)
				.build(key, configuration)
				.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
		}).subscribeOn(this.jdbc);
	}

	/** Changed limits replace the stored configurations. */
	private long configurationVersion() {
		return ((long) this.properties.globalPerSecond() << 32) ^ ((long) this.properties.chatPerSecond() << 16)
				^ this.properties.groupPerMinute();
	}

	BucketConfiguration globalConfiguration() {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(1)
				.refillGreedy(this.properties.globalPerSecond(), Duration.ofSeconds(1))
				.build())
			.build();
	}

	BucketConfiguration chatConfiguration(long chatId) {
		io.github.bucket4j.ConfigurationBuilder builder = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(1)
				.refillGreedy(this.properties.chatPerSecond(), Duration.ofSeconds(1))
				.build());
		if (chatId < 0) {
			// group and channel ids are negative
			builder.addLimit(Bandwidth.builder()
				.capacity(1)
				.refillGreedy(this.properties.groupPerMinute(), Duration.ofMinutes(1))
				.build());
		}
		return builder.build();
	}

}
