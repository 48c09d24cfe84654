package dev.coursehub.messaging.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.coursehub.telegramsandbox.TelegramSandbox;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import static org.awaitility.Awaitility.await;

/**
 * Sustained sends per second of one instance against the sandbox at the configured limit
 * L: achieved rate / L, limit violations the sandbox saw, and the heap during the run.
 * Named {@code *Benchmark}: neither Surefire nor Failsafe runs it unless asked
 * ({@code -Dtest=DeliveryRateBenchmark -Dbenchmark.recipients=1500 -Dbenchmark.limit=25}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "coursehub.delivery.poll-interval=100ms")
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class DeliveryRateBenchmark {

	static final int RECIPIENTS = Integer.getInteger("benchmark.recipients", 1500);

	static final int LIMIT = Integer.getInteger("benchmark.limit", 25);

	/** Telegram's own limit is about 30/s; the service is configured below it. */
	static final TelegramSandbox sandbox = TelegramSandbox.start(30);

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		sandbox.configure(registry, LIMIT);
	}

	@Autowired
	DatabaseClient database;

	@Autowired
	WebTestClient web;

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void sustainedRate() {
		this.database.sql("INSERT INTO recipient (user_id) SELECT g FROM generate_series(1, :n) g")
			.bind("n", RECIPIENTS)
			.then()
			.block();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		List<Long> heap = new ArrayList<>();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> heap.add(memory.getHeapMemoryUsage().getUsed()), 0, 1, TimeUnit.SECONDS);

		Map<String, Object> created = this.web.post()
			.uri("/broadcasts")
			.bodyValue(Map.of("text", "Benchmark", "target", Map.of("kind", "all")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		long id = ((Number) created.get("id")).longValue();
		await().atMost(Duration.ofSeconds(RECIPIENTS / LIMIT * 3L + 60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> "completed".equals(this.database.sql("SELECT state FROM broadcast WHERE id = :id")
				.bind("id", id)
				.map((row) -> row.get("state", String.class))
				.one()
				.block()));
		sampler.shutdownNow();

		double seconds = sandbox.arrivalSpan().toNanos() / 1e9;
		double rate = (RECIPIENTS - 1) / seconds;
		long twice = sandbox.received().values().stream().filter((texts) -> texts.size() > 1).count();
		System.out.printf("BENCHMARK recipients=%d limit=%d span=%.1fs rate=%.2f/s rate/limit=%.3f "
				+ "maxInOneSecond=%d violations=%d chatsReceived=%d chatsTwice=%d heapMiB(min/max/last)=%d/%d/%d%n",
				RECIPIENTS, LIMIT, seconds, rate, rate / LIMIT, sandbox.maxPerSecond(), sandbox.violations(),
				sandbox.received().size(), twice, mib(heap.stream().mapToLong(Long::longValue).min().orElse(0)),
				mib(heap.stream().mapToLong(Long::longValue).max().orElse(0)),
				mib(heap.isEmpty() ? 0 : heap.get(heap.size() - 1)));
	}

	private static long mib(long bytes) {
		return bytes / (1024 * 1024);
	}

}
