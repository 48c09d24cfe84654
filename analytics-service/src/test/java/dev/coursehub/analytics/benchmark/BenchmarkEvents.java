package dev.coursehub.analytics.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Booking events as booking-service publishes them (the envelope of docs/events): each
 * booking is created, and half of them confirmed, a fifth moved to another stream.
 */
final class BenchmarkEvents implements AutoCloseable {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final String[] STREAMS = { "3rd_stream", "4th_stream", "5th_stream", "6th_stream", "7th_stream" };

	private final KafkaProducer<String, String> producer;

	private final String topic;

	private final Random random = new Random(42);

	private long nextBooking;

	BenchmarkEvents(String bootstrapServers, String topic, long firstBooking) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
		this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
		this.topic = topic;
		this.nextBooking = firstBooking;
	}

	/** Sends the events of one new booking (1 to 3 events); returns how many. */
	int booking() {
		long id = this.nextBooking++;
		long user = 1 + this.random.nextInt(200_000);
		String stream = STREAMS[this.random.nextInt(STREAMS.length)];
		Instant now = Instant.now();
		List<String> events = new ArrayList<>();
		events.add(envelope("booking.created.v1", id, 1, Map.of("bookingId", id, "userId", user, "courseId", 1,
				"stream", stream, "status", "pending", "createdAt", now.toString())));
		String status = "pending";
		if (this.random.nextBoolean()) {
			status = "confirmed";
			events.add(envelope("booking.confirmed.v1", id, 2,
					Map.of("bookingId", id, "userId", user, "courseId", 1, "stream", stream, "status", status)));
		}
		if (this.random.nextInt(5) == 0) {
			stream = STREAMS[this.random.nextInt(STREAMS.length)];
			events.add(envelope("booking.stream_changed.v1", id, events.size() + 1,
					Map.of("bookingId", id, "userId", user, "courseId", 1, "stream", stream, "status", status)));
		}
		events.forEach((event) -> this.producer.send(new ProducerRecord<>(this.topic, String.valueOf(id), event)));
		return events.size();
	}

	void flush() {
		this.producer.flush();
	}

	private static String envelope(String type, long bookingId, long version, Map<String, Object> data) {
		return mapper.writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(), "type", type, "occurredAt",
				Instant.now().toString(), "aggregateType", "booking", "aggregateId", String.valueOf(bookingId),
				"aggregateVersion", version, "data", data));
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
