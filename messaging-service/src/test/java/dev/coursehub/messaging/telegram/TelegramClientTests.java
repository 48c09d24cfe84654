package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import dev.coursehub.telegramsandbox.TelegramSandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Bot API client against the sandbox: every answer becomes the right result, and the
 * token never appears in one.
 */
class TelegramClientTests {

	static final TelegramSandbox sandbox = TelegramSandbox.start(1000);

	final TelegramClient client = client(sandbox.url(), TelegramSandbox.TOKEN, Duration.ofSeconds(2));

	@BeforeEach
	void reset() {
		sandbox.reset();
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@Test
	void sentMessageCarriesTelegramsMessageId() {
		SendResult result = this.client.sendMessage(42, "hello", "HTML").block();
		assertThat(result).isInstanceOf(SendResult.Sent.class);
		assertThat(((SendResult.Sent) result).messageId()).isPositive();
		assertThat(sandbox.receivedBy(42)).containsExactly("hello");
	}

	@Test
	void tooManyRequestsCarriesRetryAfter() {
		sandbox.answerTooManyRequests(1);
		assertThat(this.client.sendMessage(43, "hi", null).block())
			.isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(1)));
	}

	@Test
	void forbiddenIsBlocked() {
		sandbox.block(44);
		assertThat(this.client.sendMessage(44, "hi", null).block())
			.isEqualTo(new SendResult.Blocked(403, "Forbidden: bot was blocked by the user"));
	}

	@Test
	void badRequestIsRejectedWithTheReason() {
		sandbox.rejectWithBadRequest(45);
		assertThat(this.client.sendMessage(45, "hi", null).block())
			.isEqualTo(new SendResult.Rejected(400, "Bad Request: chat not found"));
	}

	@Test
	void serverErrorIsTransient() {
		sandbox.failWithServerError(46, 1);
		assertThat(this.client.sendMessage(46, "hi", null).block())
			.isEqualTo(new SendResult.Transient(502, "Bad Gateway"));
	}

	@Test
	void timeoutIsTransientAndNeverCarriesTheToken() {
		sandbox.hang(47);
		TelegramClient quick = client(sandbox.url(), TelegramSandbox.TOKEN, Duration.ofMillis(300));
		SendResult result = quick.sendMessage(47, "hi", null).block();
		assertThat(result).isEqualTo(new SendResult.Transient(0, "timeout"));
	}

	@Test
	void unreachableServerIsTransientAndNeverCarriesTheToken() {
		TelegramClient nowhere = client("http://127.0.0.1:9", TelegramSandbox.TOKEN, Duration.ofSeconds(1));
		StepVerifier.create(nowhere.sendMessage(48, "hi", null)).assertNext((result) -> {
			assertThat(result).isInstanceOf(SendResult.Transient.class);
			assertThat(result.toString()).doesNotContain("SECRET").doesNotContain("127.0.0.1");
		}).verifyComplete();
	}

	@Test
	void writtenIsReportedOnceTheRequestLeftBeforeItsAnswer() {
		sandbox.hang(50);
		TelegramClient quick = client(sandbox.url(), TelegramSandbox.TOKEN, Duration.ofMillis(300));
		AtomicInteger written = new AtomicInteger();
		StepVerifier.create(quick.sendMessage(50, "hi", null, written::incrementAndGet))
			.then(() -> await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.receivedBy(50).size() == 1))
			.then(() -> assertThat(written).as("written before any answer").hasValue(1))
			.assertNext((result) -> assertThat(result).isEqualTo(new SendResult.Transient(0, "timeout")))
			.verifyComplete();
		assertThat(written).hasValue(1);
	}

	@Test
	void writtenIsNotReportedWhenNothingWasWritten() {
		TelegramClient nowhere = client("http://127.0.0.1:9", TelegramSandbox.TOKEN, Duration.ofSeconds(1));
		AtomicInteger written = new AtomicInteger();
		assertThat(nowhere.sendMessage(51, "hi", null, written::incrementAndGet).block())
			.isInstanceOf(SendResult.Transient.class);
		assertThat(written).hasValue(0);
	}

	@Test
	void wrongTokenIsRejectedWithoutEchoingIt() {
		TelegramClient wrong = client(sandbox.url(), "999:WRONG-secret", Duration.ofSeconds(1));
		SendResult result = wrong.sendMessage(49, "hi", null).block();
		assertThat(result).isEqualTo(new SendResult.Rejected(401, "Unauthorized"));
		assertThat(result.toString()).doesNotContain("WRONG");
	}

	@Test
	void propertiesNeverPrintTheToken() {
		assertThat(new TelegramProperties("http://x", TelegramSandbox.TOKEN, null, 0, null, 0, 0).toString())
			.doesNotContain("SECRET");
	}

	static TelegramClient client(String url, String token, Duration timeout) {
		return new TelegramClient(WebClient.builder(), new TelegramProperties(url, token, timeout, 25, null, 1, 20));
	}

}
