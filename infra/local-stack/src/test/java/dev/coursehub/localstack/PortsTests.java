package dev.coursehub.localstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortsTests {

	@Test
	void defaultsKeepClearOfASystemPostgresAndKafka() {
		Ports ports = Ports.from(Map.of());
		assertThat(ports).isEqualTo(new Ports(8080, 8081, 8082, 8083, 15432, 19092, 19093, 8084, 9090));
	}

	@Test
	void everyPortComesFromItsVariable() {
		Ports ports = Ports.from(Map.of("COURSEHUB_GATEWAY_PORT", "9080", "COURSEHUB_BOOKING_PORT", "9081",
				"COURSEHUB_ANALYTICS_PORT", "9082", "COURSEHUB_MESSAGING_PORT", "9083", "COURSEHUB_POSTGRES_PORT",
				" 25432 ", "COURSEHUB_KAFKA_PORT", "29092", "COURSEHUB_KAFKA_CONTROLLER_PORT", "29093",
				"COURSEHUB_TELEGRAM_SANDBOX_PORT", "9084", "COURSEHUB_PROMETHEUS_PORT", "29090"));
		assertThat(ports).isEqualTo(new Ports(9080, 9081, 9082, 9083, 25432, 29092, 29093, 9084, 29090));
	}

	@Test
	void blankMeansDefault() {
		assertThat(Ports.from(Map.of("COURSEHUB_KAFKA_PORT", " ")).kafka()).isEqualTo(19092);
	}

	@Test
	void somethingThatIsNoPortIsRejectedNamingTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> Ports.from(Map.of("COURSEHUB_POSTGRES_PORT", "pg")))
			.withMessage("COURSEHUB_POSTGRES_PORT must be a port number (1-65535), not 'pg'");
		assertThatIllegalArgumentException().isThrownBy(() -> Ports.from(Map.of("COURSEHUB_GATEWAY_PORT", "70000")))
			.withMessageStartingWith("COURSEHUB_GATEWAY_PORT must be a port number");
		assertThatIllegalArgumentException().isThrownBy(() -> Ports.from(Map.of("COURSEHUB_GATEWAY_PORT", "0")))
			.withMessageStartingWith("COURSEHUB_GATEWAY_PORT must be a port number");
	}

	@Test
	void twoServersCannotShareAPort() {
		assertThatIllegalArgumentException().isThrownBy(() -> Ports.from(Map.of("COURSEHUB_KAFKA_PORT", "8081")))
			.withMessage("COURSEHUB_BOOKING_PORT and COURSEHUB_KAFKA_PORT both use port 8081");
	}

}
