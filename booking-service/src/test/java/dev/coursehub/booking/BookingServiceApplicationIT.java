package dev.coursehub.booking;

import java.util.List;

import dev.coursehub.testkit.ServiceFoundationChecks;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@UsesPostgres
@UsesKafka
class BookingServiceApplicationIT extends ServiceFoundationChecks {

	@Override
	protected String application() {
		return "booking-service";
	}

	@Override
	protected List<String> documentedPaths() {
		// the document's content is pinned by config/OpenApiIT
		return List.of("/bookings", "/workshops");
	}

	@Override
	protected List<String> migrations() {
		return List.of("1", "2", "3", "4", "10");
	}

}
