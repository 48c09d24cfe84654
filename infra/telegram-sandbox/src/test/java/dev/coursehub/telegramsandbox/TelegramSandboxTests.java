package dev.coursehub.telegramsandbox;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox over HTTP: Telegram's answers, in Telegram's JSON, and its own endpoints.
 */
class TelegramSandboxTests {

	private static final String TOO_MANY = "{\"ok\":false,\"error_code\":429,"
			+ "\"description\":\"Too Many Requests: retry after %d\",\"parameters\":{\"retry_after\":%d}}";

	private final List<TelegramSandbox> sandboxes = new ArrayList<>();

	@AfterEach
	void close() {
		this.sandboxes.forEach(TelegramSandbox::close);
	}

	@Test
	void answersGetMeWithTheBotOfTheToken() {
		BotApi api = api(new SandboxSettings("127.0.0.1", 0, "4711:abc", 30, 1, 20, Set.of()), "4711:abc");
		HttpResponse<String> me = api.getMe();
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"ok\":true", "\"id\":4711", "\"is_bot\":true");
	}

	@Test
	void answers401ToAnotherToken() {
		BotApi api = api(SandboxSettings.local(30, TelegramSandbox.TOKEN), "999:WRONG");
		assertThat(api.getMe().statusCode()).isEqualTo(401);
		HttpResponse<String> send = api.sendMessage(42, "hello");
		assertThat(send.statusCode()).isEqualTo(401);
		assertThat(send.body()).isEqualTo("{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
	}

	@Test
	void recordsWhatEachChatReceivedAndAnswersAMessage() {
		TelegramSandbox sandbox = start(SandboxSettings.local(30, TelegramSandbox.TOKEN));
		BotApi api = new BotApi(sandbox.url(), TelegramSandbox.TOKEN);
		HttpResponse<String> sent = api.sendMessage(42, "hello");
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("\"ok\":true", "\"message_id\":", "\"text\":\"hello\"");
		api.sendMessage(-100500, "to the group");
		assertThat(sandbox.receivedBy(42)).containsExactly("hello");
		assertThat(api.get("/sandbox/received").body())
			.isEqualTo("{\"-100500\":[\"to the group\"],\"42\":[\"hello\"]}");
		assertThat(api.get("/sandbox/received/42").body()).isEqualTo("[\"hello\"]");
		assertThat(api.get("/sandbox/received/43").body()).isEqualTo("[]");
		assertThat(api.get("/sandbox/stats").body()).startsWith("{\"requests\":2,\"violations\":0,\"chats\":2,");
		assertThat(api.delete("/sandbox/received").statusCode()).isEqualTo(204);
		assertThat(api.get("/sandbox/received").body()).isEqualTo("{}");
		assertThat(sandbox.requests()).isZero();
	}

	@Test
	void answers429WithRetryAfterPastTheGlobalLimitAsTelegramDoes() {
		TelegramSandbox sandbox = start(new SandboxSettings("127.0.0.1", 0, "1:t", 2, 0, 0, Set.of()));
		BotApi api = new BotApi(sandbox.url(), "1:t");
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (int chat = 1; chat <= 10; chat++) {
			answers.add(api.sendMessage(chat, "hello"));
		}
		List<HttpResponse<String>> refused = answers.stream().filter((answer) -> answer.statusCode() == 429).toList();
		assertThat(refused).isNotEmpty()
			.allSatisfy((answer) -> assertThat(answer.body()).isEqualTo(TOO_MANY.formatted(1, 1)));
		assertThat(sandbox.violations()).isEqualTo(refused.size());
		assertThat(sandbox.received()).hasSize(answers.size() - refused.size());
		// every arrival past the second one within a second is dated, in the stats too
		assertThat(sandbox.crowded(50)).isNotEmpty()
			.allSatisfy((arrival) -> assertThat((int) arrival.get("inOneSecond")).isGreaterThan(2))
			.first()
			.satisfies((arrival) -> assertThat(Instant.parse((String) arrival.get("at")))
				.isBetween(Instant.now().minusSeconds(30), Instant.now()));
		assertThat(api.get("/sandbox/stats").body()).contains("\"crowded\":[{\"at\":\"");
	}

	@Test
	void answers429WithTheSecondsLeftToASecondMessageToOneGroup() {
		TelegramSandbox sandbox = start(SandboxSettings.local(30, TelegramSandbox.TOKEN));
		BotApi api = new BotApi(sandbox.url(), TelegramSandbox.TOKEN);
		assertThat(api.sendMessage(-100500, "first").statusCode()).isEqualTo(200);
		HttpResponse<String> second = api.sendMessage(-100500, "second");
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(second.body()).isEqualTo(TOO_MANY.formatted(3, 3));
		assertThat(sandbox.receivedBy(-100500)).containsExactly("first");
		assertThat(sandbox.violations()).isOne();
	}

	@Test
	void answers403ForUsersBlockedInTheSettingsEvenAfterAReset() {
		TelegramSandbox sandbox = start(SandboxSettings.local(30, TelegramSandbox.TOKEN).withBlocked(Set.of(44L)));
		BotApi api = new BotApi(sandbox.url(), TelegramSandbox.TOKEN);
		sandbox.block(45);
		sandbox.reset();
		HttpResponse<String> blocked = api.sendMessage(44, "hello");
		assertThat(blocked.statusCode()).isEqualTo(403);
		assertThat(blocked.body())
			.isEqualTo("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
		assertThat(api.sendMessage(45, "hello").statusCode()).as("blocked by the test, then reset").isEqualTo(200);
	}

	@Test
	void recordsASendAtOnceAndAnswersItAfterTheConfiguredDelay() throws Exception {
		TelegramSandbox sandbox = start(SandboxSettings.local(30, TelegramSandbox.TOKEN));
		sandbox.respondAfter(Duration.ofSeconds(5));
		CompletableFuture<HttpResponse<String>> answer = new BotApi(sandbox.url(), TelegramSandbox.TOKEN)
			.sendMessageAsync(42, "hello");
		await().atMost(Duration.ofSeconds(3)).until(() -> sandbox.receivedBy(42).contains("hello"));
		assertThat(answer).as("answered only after the delay").isNotDone();
		assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void answers400ToAnEmptyText() {
		BotApi api = api(SandboxSettings.local(30, TelegramSandbox.TOKEN), TelegramSandbox.TOKEN);
		HttpResponse<String> empty = api.sendMessage(42, "");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("\"error_code\":400", "Bad Request: message text is empty");
	}

	@Test
	void answersHealthInSpringBootsShape() {
		BotApi api = api(SandboxSettings.local(30, TelegramSandbox.TOKEN), TelegramSandbox.TOKEN);
		assertThat(api.get("/sandbox/health").body()).isEqualTo("{\"status\":\"UP\"}");
	}

	private TelegramSandbox start(SandboxSettings settings) {
		TelegramSandbox sandbox = TelegramSandbox.start(settings);
		this.sandboxes.add(sandbox);
		return sandbox;
	}

	private BotApi api(SandboxSettings settings, String token) {
		return new BotApi(start(settings).url(), token);
	}

}
