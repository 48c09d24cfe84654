package dev.coursehub.analytics.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.coursehub.analytics.TestEnvelopes;
import dev.coursehub.analytics.events.Envelope;
import dev.coursehub.analytics.events.EventReader;
import dev.coursehub.testkit.UsesKafka;
import dev.coursehub.testkit.UsesPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is folded in memory and written at once: what a rebuild does with thousands of
 * events per transaction. These are the cases a fold could get wrong that one event per
 * transaction could not: the same event twice in one batch, the versions of one aggregate
 * out of order inside one batch, a batch meeting an older state already stored, and a
 * record that breaks the contract or that the database refuses in the middle of a batch.
 * Each batch goes to a generation of its own that no read and no live event touches.
 */
@SpringBootTest(properties = { "coursehub.kafka.topics.booking-events=event-applier-it.events",
		"spring.kafka.consumer.group-id=event-applier-it" })
@UsesPostgres
@UsesKafka
class EventApplierIT {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Instant CREATED = Instant.parse("2026-11-03T10:20:00Z");

	private static final Instant CLICKED = Instant.parse("2026-11-02T08:05:00Z");

	@Autowired
	EventApplier applier;

	@Autowired
	DatabaseClient db;

	long generation;

	@BeforeEach
	void generationOfItsOwn() {
		// an id of the sequence with no generation row: no read, live event or clean-up
		// of retired generations ever touches it
		this.generation = this.db.sql("SELECT nextval('generation_id')")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		this.db.sql("INSERT INTO totals_figure (generation) VALUES (:g)").bind("g", this.generation).then().block();
	}

	@AfterEach
	void dropIt() {
		for (String table : List.of("processed_event", "booking_state", "registration_state", "stream_figure",
				"status_figure", "lesson_figure", "user_figure", "growth_bucket", "totals_figure")) {
			this.db.sql("DELETE FROM " + table + " WHERE generation = :g").bind("g", this.generation).then().block();
		}
	}

	@Test
	void aBatchAppliesEachEventOnceAndEachAggregatesNewestVersionWhateverTheOrder() {
		Envelope moved = booking("booking.stream_changed.v1", 3, "4th_stream", "confirmed", null);
		List<Envelope> batch = new ArrayList<>();
		batch.add(moved);
		batch.add(booking("booking.created.v1", 1, "3rd_stream", "pending", CREATED));
		batch.add(moved);
		batch.add(booking("booking.confirmed.v1", 2, "3rd_stream", "confirmed", null));
		batch.add(registration("registration.updated.v1", 2));
		batch.add(registration("registration.created.v1", 1));
		Envelope clicked = activity();
		batch.add(clicked);
		batch.add(clicked);

		assertThat(this.applier.applyBatch(this.generation, batch).block()).isEqualTo(6);

		assertThat(figures()).containsExactlyInAnyOrder("stream 4th_stream 1 1 0 0", "status confirmed 1",
				"lesson intro 1 1", "totals 1 0 1", "user " + CLICKED + " 1", "bucket 2026-11-02T08:00:00Z 1");
		assertThat(bookingVersion()).isEqualTo(3);
	}

	@Test
	void aBatchChangesNothingTheGenerationAlreadyHasOrHasNewer() {
		this.applier
			.applyBatch(this.generation, List.of(booking("booking.created.v1", 1, "3rd_stream", "pending", CREATED),
					booking("booking.cancelled.v1", 3, "3rd_stream", "cancelled", null)))
			.block();
		List<String> before = figures();

		Envelope late = booking("booking.confirmed.v1", 2, "5th_stream", "confirmed", null);
		assertThat(this.applier.applyBatch(this.generation, List.of(late, late)).block()).isEqualTo(1);
		assertThat(this.applier.applyBatch(this.generation, List.of(late)).block()).isZero();

		assertThat(figures()).isEqualTo(before).contains("stream 3rd_stream 1 0 0 1", "status cancelled 1");
		assertThat(bookingVersion()).isEqualTo(3);
	}

	@Test
	void aRecordThatBreaksTheContractDoesNotKeepTheRestOfItsBatchOut() {
		Envelope broken = EventReader.envelope(TestEnvelopes.envelope("booking.created.v1", "booking", 7001, 4,
				mapper.createObjectNode().put("bookingId", 7001).put("status", "no such status")));
		List<Envelope> batch = List.of(booking("booking.created.v1", 1, "3rd_stream", "pending", CREATED), broken,
				booking("booking.confirmed.v1", 2, "3rd_stream", "confirmed", null));

		assertThat(this.applier.applyBatch(this.generation, batch).block()).isEqualTo(2);
		assertThat(figures()).contains("stream 3rd_stream 1 1 0 0", "totals 1 0 0");
	}

	@Test
	void anEventTheDatabaseRefusesIsSkippedAndTheRestOfItsBatchApplied() {
		// a stream without a status passes the event contract but not the table's NOT
		// NULL
		ObjectNode stream = mapper.createObjectNode()
			.put("streamId", 7004)
			.put("courseId", 7)
			.put("code", "3rd_stream")
			.put("name", "3-й поток")
			.putNull("status");
		List<Envelope> batch = List.of(booking("booking.created.v1", 1, "3rd_stream", "pending", CREATED),
				EventReader.envelope(TestEnvelopes.envelope("stream.created.v1", "stream", 7004, 1, stream)),
				registration("registration.created.v1", 1));

		assertThat(this.applier.applyBatch(this.generation, batch).block()).isEqualTo(2);
		assertThat(figures()).contains("stream 3rd_stream 1 0 1 0", "lesson intro 1 0", "totals 1 1 1");
	}

	long bookingVersion() {
		return this.db.sql("SELECT version FROM booking_state WHERE generation = :g AND booking_id = 7001")
			.bind("g", this.generation)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	/** The generation's figures as text lines, in a fixed order. */
	List<String> figures() {
		String sql = "SELECT 'stream ' || stream || ' ' || total || ' ' || confirmed || ' ' || pending || ' ' || "
				+ "cancelled FROM stream_figure WHERE generation = :g AND total <> 0 "
				+ "UNION ALL SELECT 'status ' || status || ' ' || bookings FROM status_figure "
				+ "WHERE generation = :g AND bookings <> 0 "
				+ "UNION ALL SELECT 'lesson ' || lesson_type || ' ' || registrations || ' ' || attendances "
				+ "FROM lesson_figure WHERE generation = :g "
				+ "UNION ALL SELECT 'totals ' || users || ' ' || never_confirmed || ' ' || registrations "
				+ "FROM totals_figure WHERE generation = :g "
				+ "UNION ALL SELECT 'user ' || to_char(first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
				+ "|| ' ' || confirmed_bookings FROM user_figure WHERE generation = :g "
				+ "UNION ALL SELECT 'bucket ' || to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
				+ "|| ' ' || new_users FROM growth_bucket WHERE generation = :g AND new_users <> 0";
		return this.db.sql(sql)
			.bind("g", this.generation)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

	static Envelope booking(String type, long version, String stream, String status, Instant createdAt) {
		ObjectNode data = mapper.createObjectNode()
			.put("bookingId", 7001)
			.put("userId", 71)
			.put("courseId", 7)
			.put("stream", stream)
			.put("status", status);
		if (createdAt != null) {
			data.put("createdAt", createdAt.toString());
		}
		return EventReader.envelope(TestEnvelopes.envelope(type, "booking", 7001, version, data));
	}

	static Envelope registration(String type, long version) {
		return EventReader.envelope(TestEnvelopes.envelope(type, "registration", 7002, version,
				mapper.createObjectNode()
					.put("registrationId", 7002)
					.put("userId", 71)
					.put("lessonType", "intro")
					.put("registeredAt", CREATED.toString())));
	}

	static Envelope activity() {
		ObjectNode data = mapper.createObjectNode()
			.put("activityId", 7003)
			.put("userId", 71)
			.put("type", "lesson_link_clicked")
			.put("occurredAt", CLICKED.toString());
		data.putObject("details").put("lesson_type", "intro");
		return EventReader.envelope(TestEnvelopes.envelope("activity.recorded.v1", "activity", 7003, 1, data));
	}

}
