package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Telegram's limits as Bucket4j buckets kept in PostgreSQL, so every instance draws from
 * the same ones: bucket {@value #GLOBAL} is the global send rate, any other key is a
 * chat. Each bucket holds one token, so sends are spaced evenly, never in bursts.
 * <p>
 * The global bucket is not asked for one token per send: an instance reserves a block of
 * consecutive send times at once ({@link #reserveGlobal(int)}), which {@link GlobalSlots}
 * hands out to its sends right before their calls. Its tokens come
 * {@code (1 s + globalGuard) / globalPerSecond} apart, so any one second holds at most
 * {@code globalPerSecond} sends even when a send leaves up to {@code globalGuard} late.
 * <p>
 * A chat's token is taken before the send waits for its global slot, at most
 * {@link #MAX_SLOT_WAIT} before the call; chat tokens are spaced that much more than the
 * chat's limit, so two messages to one chat are never closer than the limit allows.
 * Bucket4j's PostgreSQL proxy speaks JDBC: calls run on a bounded elastic scheduler,
 * never on an event loop.
 */
public class TelegramLimits implements AutoCloseable {

	static final long GLOBAL = 0L;

	/** Longest time from a send's chat token to its call. */
	public static final Duration MAX_SLOT_WAIT = Duration.ofMillis(750);

	private final ProxyManager<Long> buckets;

	private final TelegramProperties properties;

	private final BucketClock clock;

	private final Scheduler jdbc = Schedulers.boundedElastic();

	private final AutoCloseable pool;

	TelegramLimits(ProxyManager<Long> buckets, TelegramProperties properties, BucketClock clock, AutoCloseable pool) {
		this.buckets = buckets;
		this.properties = properties;
		this.clock = clock;
		this.pool = pool;
	}

	@Override
	public void close() throws Exception {
		this.pool.close();
	}

	/** How late a send may leave after its global slot. */
	public Duration globalGuard() {
		return this.properties.globalGuard();
	}

	/** The global send rate of all instances together. */
	public int globalPerSecond() {
		return this.properties.globalPerSecond();
	}

	/** Time between two global send slots. */
	public Duration globalSpacing() {
		return this.properties.globalGuard().plusSeconds(1).dividedBy(this.properties.globalPerSecond());
	}

	/**
	 * Reserves the next {@code count} global send slots of all instances together.
	 * @return the slots as {@link System#nanoTime()} values, earliest first, each
	 * {@link #globalSpacing()} after the one before
	 */
	public Mono<long[]> reserveGlobal(int count) {
		return Mono.fromCallable(() -> {
			long waitNanos = bucket(GLOBAL, this::globalConfiguration).consumeIgnoringRateLimits(count);
			long last = this.clock.toNanoTime(this.clock.lastReadOnThisThread() + waitNanos);
			long spacing = globalSpacing().toNanos();
			long[] slots = new long[count];
			for (int i = 0; i < count; i++) {
				slots[i] = last - (count - 1 - i) * spacing;
			}
			return slots;
		}).subscribeOn(this.jdbc);
	}

	/**
	 * Takes the chat's token if it is there: zero; otherwise how long until it is, and
	 * nothing is taken.
	 */
	public Mono<Duration> tryChat(long chatId) {
		return Mono.fromCallable(() -> {
			ConsumptionProbe probe = bucket(chatId, () -> chatConfiguration(chatId)).tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
		}).subscribeOn(this.jdbc);
	}

	/** Deletes the buckets of chats that have refilled, so the table stays small. */
	public Mono<Integer> removeExpired() {
		if (this.buckets instanceof ExpiredEntriesCleaner cleaner) {
			return Mono.fromCallable(() -> cleaner.removeExpired(1000)).subscribeOn(this.jdbc);
		}
		return Mono.just(0);
	}

	private BucketProxy bucket(long key, Supplier<BucketConfiguration> configuration) {
		return this.buckets.builder()
			.withImplicitConfigurationReplacement(configurationVersion(), TokensInheritanceStrategy.RESET)
			.build(key, configuration);
	}

	/** Changed limits replace the stored configurations. */
	private long configurationVersion() {
		return (globalSpacing().toNanos() << 20) ^ ((long) this.properties.chatPerSecond() << 10)
				^ this.properties.groupPerMinute();
	}

	BucketConfiguration globalConfiguration() {
		return BucketConfiguration.builder().addLimit(oneTokenEvery(globalSpacing())).build();
	}

	BucketConfiguration chatConfiguration(long chatId) {
		ConfigurationBuilder builder = BucketConfiguration.builder()
			.addLimit(oneTokenEvery(
					Duration.ofSeconds(1).dividedBy(this.properties.chatPerSecond()).plus(MAX_SLOT_WAIT)));
		if (chatId < 0) {
			// group and channel ids are negative
			builder.addLimit(oneTokenEvery(
					Duration.ofMinutes(1).dividedBy(this.properties.groupPerMinute()).plus(MAX_SLOT_WAIT)));
		}
		return builder.build();
	}

	private static Bandwidth oneTokenEvery(Duration interval) {
		return Bandwidth.builder().capacity(1).refillGreedy(1, interval).build();
	}

}
