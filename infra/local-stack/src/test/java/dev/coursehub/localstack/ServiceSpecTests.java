package dev.coursehub.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceSpecTests {

	private final StackConfig config = StackConfig.from(Map.of("COURSEHUB_POSTGRES_PORT", "25432",
			"COURSEHUB_KAFKA_PORT", "29092", "COURSEHUB_ANALYTICS_PORT", "9082"), Path.of("/repo"));

	@Test
	void backEndsRunFromTheirFatJarsWithTheirOwnDatabase() {
		List<ServiceSpec> backEnds = ServiceSpec.backEnds(this.config, Map.of());
		assertThat(backEnds).extracting(ServiceSpec::name)
			.containsExactly("booking-service", "analytics-service", "messaging-service");
		ServiceSpec analytics = backEnds.get(1);
		assertThat(analytics.jar()).isEqualTo(Path.of("/repo/analytics-service/target/analytics-service.jar"));
		assertThat(analytics.environment()).containsOnly(entry("PORT", "9082"), entry("DB_HOST", "localhost"),
				entry("DB_PORT", "25432"), entry("DB_NAME", "analytics"), entry("DB_USER", "postgres"),
				entry("DB_PASSWORD", "postgres"), entry("KAFKA_BOOTSTRAP_SERVERS", "localhost:29092"));
	}

	@Test
	void gatewayRoutesToEveryBackEnd() {
		ServiceSpec gateway = ServiceSpec.gateway(this.config, "the-secret");
		assertThat(gateway.jar()).isEqualTo(Path.of("/repo/gateway/target/gateway.jar"));
		assertThat(gateway.environment()).containsOnly(entry("PORT", "8080"),
				entry("BOOKING_URL", "http://localhost:8081"), entry("ANALYTICS_URL", "http://localhost:9082"),
				entry("MESSAGING_URL", "http://localhost:8083"), entry("GATEWAY_JWT_SECRET", "the-secret"),
				entry("GATEWAY_DOCS_ACCESS", "public"));
		assertThat(gateway.health()).isEqualTo(URI.create("http://localhost:8080/actuator/health"));
	}

	@Test
	void healthIsCheckedDirectlyAndThroughTheGateway() {
		ServiceSpec booking = ServiceSpec.backEnds(this.config, Map.of()).get(0);
		assertThat(booking.health()).isEqualTo(URI.create("http://localhost:8081/actuator/health"));
		assertThat(booking.healthThroughGateway(8080))
			.isEqualTo(URI.create("http://localhost:8080/api/booking/actuator/health"));
	}

}
