package dev.coursehub.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.coursehub.gateway.FakeDownstream;
import dev.coursehub.gateway.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestTokens.SECRET_PROPERTY)
@AutoConfigureWebTestClient
class StreamingTests {

	static FakeDownstream downstream;

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startDownstream() {
		downstream = FakeDownstream.start();
	}

	@AfterAll
	static void stopDownstream() {
		downstream.stop();
	}

	@DynamicPropertySource
	static void downstreamUrls(DynamicPropertyRegistry registry) {
		downstream.register(registry);
	}

	@Test
	void passesServerSentEventsThroughAsTheyHappen() {
		assertEventsPassAsTheyHappen(this.client.get().uri("/api/booking/sessions/updates?wait"));
	}

	@Test
	void passesABroadcastsProgressStreamThroughToAnAdmin() {
		assertEventsPassAsTheyHappen(this.client.get()
			.uri("/api/messaging/broadcasts/42/progress?wait")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin("1")));
		assertThat(downstream.received()).anyMatch((received) -> received.uri().startsWith("/broadcasts/42/progress"));
	}

	@Test
	void passesWebSocketsThrough() {
		AtomicReference<String> message = new AtomicReference<>();
		new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://localhost:" + this.port + "/api/booking/sessions/updates"),
					(session) -> session.receive()
						.map(WebSocketMessage::getPayloadAsText)
						.next()
						.doOnNext(message::set)
						.then())
			.block(Duration.ofSeconds(10));
		assertThat(message).hasValue("hello");
	}

	private void assertEventsPassAsTheyHappen(WebTestClient.RequestHeadersSpec<?> request) {
		Flux<String> events = request.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		// the second event is only sent once the first has arrived through the gateway
		events.as(StepVerifier::create)
			.expectNext("one")
			.then(downstream::releaseStream)
			.expectNext("two")
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
