package dev.coursehub.localstack;

import java.net.ServerSocket;
import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTests {

	@Test
	void upIsA200SayingUp() {
		assertThat(new Health.Probe(200, "{\"groups\":[\"liveness\"],\"status\":\"UP\"}").isUp()).isTrue();
		assertThat(new Health.Probe(200, "{\"status\" : \"UP\"}").isUp()).isTrue();
	}

	@Test
	void anythingElseIsNotUp() {
		assertThat(new Health.Probe(503, "{\"status\":\"DOWN\"}").isUp()).isFalse();
		assertThat(new Health.Probe(503, "{\"status\":\"UP\"}").isUp()).isFalse();
		assertThat(new Health.Probe(200, "{\"status\":\"UNKNOWN\"}").isUp()).isFalse();
		assertThat(new Health.Probe(404, "").isUp()).isFalse();
	}

	@Test
	void credentialsAskedForOrRefusedIsNoReasonToWait() {
		assertThat(new Health.Probe(401, "").isRefused()).isTrue();
		assertThat(new Health.Probe(403, "").isRefused()).isTrue();
		assertThat(new Health.Probe(503, "").isRefused()).isFalse();
		assertThat(new Health.Probe(0, "").isRefused()).isFalse();
	}

	@Test
	void nothingListeningIsNoAnswer() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Health.Probe probe = new Health().probe(URI.create("http://localhost:" + port + "/actuator/health"), null);
		assertThat(probe.status()).isZero();
		assertThat(probe.isUp()).isFalse();
	}

}
