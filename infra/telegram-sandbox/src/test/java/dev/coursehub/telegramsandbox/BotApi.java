package dev.coursehub.telegramsandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls a sandbox over HTTP, as messaging-service's client and a curl would. */
final class BotApi {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String url;

	private final String token;

	BotApi(String url, String token) {
		this.url = url;
		this.token = token;
	}

	HttpResponse<String> getMe() {
		return send(HttpRequest.newBuilder(URI.create(this.url + "/bot" + this.token + "/getMe")).GET());
	}

	HttpResponse<String> sendMessage(long chatId, String text) {
		return send(sendMessageRequest(chatId, text));
	}

	CompletableFuture<HttpResponse<String>> sendMessageAsync(long chatId, String text) {
		return this.http.sendAsync(sendMessageRequest(chatId, text).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder sendMessageRequest(long chatId, String text) {
		String body = "{\"chat_id\":" + chatId + ",\"text\":\"" + text + "\"}";
		return HttpRequest.newBuilder(URI.create(this.url + "/bot" + this.token + "/sendMessage"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.url + path)).GET());
	}

	HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.url + path)).DELETE());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
