package dev.coursehub.analytics.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic event history produced straight to the topic with a plain producer: courses
 * and their streams (some renamed), bookings created and then confirmed, cancelled or
 * moved to another stream, interleaved across bookings; free-lesson registrations (some
 * updated); activity (most of it lesson link clicks); workshop sessions with enrollments
 * and attendance marks; and records sent twice. It keeps, in memory, the figures the
 * history must end in, which the benchmark compares with the service's.
 */
final class EventHistory implements AutoCloseable {

	static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

	static final int DAYS = 90;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final int COURSES = 20;

	private static final String[] STREAMS = { "3rd_stream", "4th_stream", "5th_stream", "6th_stream", "7th_stream" };

	private static final String[] LESSON_TYPES = { "intro", "advanced", "design", "career" };

	private static final String[] CLICKED_TYPES = { "intro", "advanced", "design", "career", "extra" };

	private static final int USERS = 300_000;

	private static final int RECENT = 10_000;

	private final KafkaProducer<String, String> producer;

	private final String topic;

	private final Random random = new Random(20261206);

	/** Bookings by id (index): their newest state. */
	private final List<long[]> bookings = new ArrayList<>();

	private final List<String> bookingStreams = new ArrayList<>();

	private final List<String> registrationTypes = new ArrayList<>();

	private final List<Integer> registrationVersions = new ArrayList<>();

	private final BitSet users = new BitSet(USERS + 1);

	private final Map<String, Long> attendances = new TreeMap<>();

	private final Map<Integer, int[]> sessions = new HashMap<>();

	private final Map<Integer, Integer> runVersions = new HashMap<>();

	/** The last records sent, some of which are sent again. */
	private final String[][] recent = new String[RECENT][];

	private long sent;

	private long duplicates;

	private long activities;

	EventHistory(String bootstrapServers, String topic) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ProducerConfig.ACKS_CONFIG, "1");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
		config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
		config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
		config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
		this.topic = topic;
	}

	/**
	 * Produces {@code records} records (duplicates included) and waits for the broker.
	 */
	void produce(long records) {
		for (int course = 1; course <= COURSES; course++) {
			send("course.created.v1", "course", course, 1, Map.of("courseId", course, "title", "Course " + course));
			for (int s = 0; s < STREAMS.length; s++) {
				long streamId = course * 10L + s;
				Map<String, Object> stream = Map.of("streamId", streamId, "courseId", course, "code", STREAMS[s],
						"name", (s + 3) + "-й поток", "status", "open");
				send("stream.created.v1", "stream", streamId, 1, stream);
				if (s == 0) {
					Map<String, Object> renamed = new HashMap<>(stream);
					renamed.put("name", (s + 3) + "-й поток (вечерний)");
					send("stream.updated.v1", "stream", streamId, 2, renamed);
				}
			}
		}
		while (this.sent < records) {
			int roll = this.random.nextInt(100);
			if (roll < 28 || this.bookings.size() < 100) {
				newBooking();
			}
			else if (roll < 52) {
				changeBooking();
			}
			else if (roll < 64) {
				registration();
			}
			else if (roll < 94) {
				activity();
			}
			else if (roll < 98) {
				workshop();
			}
			else {
				String[] again = this.recent[this.random.nextInt(RECENT)];
				if (again != null) {
					this.producer.send(new ProducerRecord<>(this.topic, again[0], again[1]));
					this.sent++;
					this.duplicates++;
				}
			}
		}
		this.producer.flush();
	}

	private void newBooking() {
		int id = this.bookings.size() + 1;
		long user = user();
		long course = 1 + this.random.nextInt(COURSES);
		String stream = (this.random.nextInt(20) == 0) ? null : STREAMS[this.random.nextInt(STREAMS.length)];
		this.bookings.add(new long[] { user, course, 1, 1 });
		this.bookingStreams.add(stream);
		send("booking.created.v1", "booking", id, 1,
				booking(id, "pending", time(), new Object[] { "price", 19900.0, "discountPercent", 0 }));
	}

	private void changeBooking() {
		int id = 1 + this.random.nextInt(this.bookings.size());
		long[] state = this.bookings.get(id - 1);
		String status = status(state[2]);
		if ("cancelled".equals(status)) {
			return;
		}
		state[3]++;
		int roll = this.random.nextInt(10);
		if (this.bookingStreams.get(id - 1) != null && roll < 3) {
			this.bookingStreams.set(id - 1, STREAMS[this.random.nextInt(STREAMS.length)]);
			send("booking.stream_changed.v1", "booking", id, state[3], booking(id, status, null, new Object[0]));
			return;
		}
		state[2] = ("pending".equals(status) && roll < 8) ? 2 : -1;
		String next = status(state[2]);
		send("confirmed".equals(next) ? "booking.confirmed.v1" : "booking.cancelled.v1", "booking", id, state[3],
				booking(id, next, null, new Object[] { "previousStatus", status }));
	}

	private Map<String, Object> booking(int id, String status, Instant createdAt, Object[] more) {
		long[] state = this.bookings.get(id - 1);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("bookingId", id);
		data.put("userId", state[0]);
		data.put("courseId", state[1]);
		data.put("stream", this.bookingStreams.get(id - 1));
		data.put("status", status);
		if (createdAt != null) {
			data.put("createdAt", createdAt.toString());
		}
		for (int i = 0; i < more.length; i += 2) {
			data.put((String) more[i], more[i + 1]);
		}
		return data;
	}

	private void registration() {
		if (!this.registrationTypes.isEmpty() && this.random.nextInt(4) == 0) {
			int id = 1 + this.random.nextInt(this.registrationTypes.size());
			int version = this.registrationVersions.get(id - 1) + 1;
			this.registrationVersions.set(id - 1, version);
			send("registration.updated.v1", "registration", id, version,
					Map.of("registrationId", id, "userId", 1 + (id * 7919L) % USERS, "lessonType",
							this.registrationTypes.get(id - 1), "notificationSent", true, "registeredAt",
							registered(id).toString()));
			return;
		}
		int id = this.registrationTypes.size() + 1;
		long user = 1 + (id * 7919L) % USERS;
		this.users.set((int) user);
		String lessonType = LESSON_TYPES[this.random.nextInt(LESSON_TYPES.length)];
		this.registrationTypes.add(lessonType);
		this.registrationVersions.add(1);
		send("registration.created.v1", "registration", id, 1, Map.of("registrationId", id, "userId", user,
				"lessonType", lessonType, "notificationSent", false, "registeredAt", registered(id).toString()));
	}

	private void activity() {
		long id = ++this.activities;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("activityId", id);
		data.put("userId", (this.random.nextInt(10) == 0) ? null : user());
		boolean clicked = this.random.nextInt(10) < 7;
		data.put("type", clicked ? "lesson_link_clicked" : "page_opened");
		data.put("occurredAt", time().toString());
		String lessonType = CLICKED_TYPES[this.random.nextInt(CLICKED_TYPES.length)];
		data.put("details", Map.of("lesson_type", lessonType));
		if (clicked) {
			this.attendances.merge(lessonType, 1L, Long::sum);
		}
		send("activity.recorded.v1", "activity", id, 1, data);
	}

	private void workshop() {
		int session = 1 + this.random.nextInt(200);
		int run = 1 + (session - 1) / 10;
		int[] seats = this.sessions.get(session);
		if (seats == null) {
			seats = new int[] { 20, 0, 1 };
			this.sessions.put(session, seats);
			send("session.created.v1", "session", session, 1, session(session, run, seats, "upcoming"));
			return;
		}
		if (this.random.nextInt(3) == 0) {
			int version = this.runVersions.merge(run, 1, Integer::sum);
			int present = Math.min(seats[1], this.random.nextInt(seats[1] + 1));
			send("attendance.marked.v1", "run", run, version,
					Map.of("runId", run, "workshopId", 1 + run % 5, "sessionId", session, "marks", List.of(), "session",
							Map.of("enrolled", seats[1], "present", present, "late", 0, "absent", 0, "unmarked",
									seats[1] - present),
							"run", Map.of("sessions", 10, "certificateEligible", present)));
			return;
		}
		boolean cancel = seats[1] > 0 && (seats[1] >= seats[0] || this.random.nextInt(4) == 0);
		seats[1] += cancel ? -1 : 1;
		seats[2]++;
		Map<String, Object> data = session(session, run, seats, "active");
		data.put("enrollmentId", this.sent);
		// not a source of users for the figures
		data.put("userId", 1 + this.random.nextInt(USERS));
		send(cancel ? "enrollment.cancelled.v1" : "enrollment.created.v1", "session", session, seats[2], data);
	}

	private Map<String, Object> session(int session, int run, int[] seats, String status) {
		Map<String, Object> data = new LinkedHashMap<>(
				Map.of("sessionId", session, "runId", run, "workshopId", 1 + run % 5, "capacity", seats[0],
						"seatsTaken", seats[1], "seatsLeft", seats[0] - seats[1], "status", status));
		if (seats[2] == 1) {
			data.putAll(Map.of("runName", "Run " + run, "workshopTitle", "Workshop " + (1 + run % 5), "dayNumber",
					1 + (session - 1) % 10, "startsAt", START.plus(Duration.ofDays(session)).toString()));
		}
		return data;
	}

	private static Instant registered(int registration) {
		return START.plusSeconds((registration * 104_729L) % (DAYS * 86_400L));
	}

	private long user() {
		long user = 1 + this.random.nextInt(USERS);
		this.users.set((int) user);
		return user;
	}

	private Instant time() {
		return START.plusSeconds(this.random.nextLong(DAYS * 86_400L));
	}

	private void send(String type, String aggregateType, long aggregateId, long version, Map<String, Object> data) {
		String key = String.valueOf(aggregateId);
		String value = mapper.writeValueAsString(
				Map.of("eventId", UUID.randomUUID().toString(), "type", type, "occurredAt", Instant.now().toString(),
						"aggregateType", aggregateType, "aggregateId", key, "aggregateVersion", version, "data", data));
		this.producer.send(new ProducerRecord<>(this.topic, key, value));
		this.recent[(int) (this.sent % RECENT)] = new String[] { key, value };
		this.sent++;
	}

	private static String status(long code) {
		return (code == 2) ? "confirmed" : (code == 1) ? "pending" : "cancelled";
	}

	long sent() {
		return this.sent;
	}

	long duplicates() {
		return this.duplicates;
	}

	/**
	 * The figures the history must end in, as text lines comparable with the service's.
	 */
	Map<String, String> expected() {
		Map<String, String> figures = new TreeMap<>();
		long[] byStatus = new long[3];
		Map<String, long[]> streams = new TreeMap<>();
		BitSet confirmedUsers = new BitSet(USERS + 1);
		for (int i = 0; i < this.bookings.size(); i++) {
			long[] state = this.bookings.get(i);
			int status = (state[2] == 2) ? 1 : (state[2] == 1) ? 0 : 2;
			byStatus[status]++;
			if (status == 1) {
				confirmedUsers.set((int) state[0]);
			}
			String stream = this.bookingStreams.get(i);
			if (stream != null) {
				long[] counts = streams.computeIfAbsent(state[1] + " " + stream, (k) -> new long[4]);
				counts[0]++;
				counts[1 + status]++;
			}
		}
		Map<String, Long> registrations = new TreeMap<>();
		this.registrationTypes.forEach((type) -> registrations.merge(type, 1L, Long::sum));
		BitSet neverConfirmed = (BitSet) this.users.clone();
		neverConfirmed.andNot(confirmedUsers);
		figures.put("dashboard",
				String.format(
						"users %d, never confirmed %d, registrations %d, bookings %d (pending %d, "
								+ "confirmed %d, cancelled %d)",
						this.users.cardinality(), neverConfirmed.cardinality(), this.registrationTypes.size(),
						this.bookings.size(), byStatus[0], byStatus[1], byStatus[2]));
		streams.forEach((key, counts) -> figures.put("stream " + key, String
			.format("total %d, pending %d, confirmed %d, cancelled %d", counts[0], counts[1], counts[2], counts[3])));
		Map<String, String> lessons = new TreeMap<>();
		registrations
			.forEach((type, count) -> lessons.put(type, count + " " + this.attendances.getOrDefault(type, 0L)));
		this.attendances.forEach((type, count) -> lessons.putIfAbsent(type, "0 " + count));
		lessons.forEach((type, counts) -> figures.put("lesson " + type, counts));
		figures.put("growth: users at the end", String.valueOf(this.users.cardinality()));
		return figures;
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
