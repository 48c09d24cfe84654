package dev.coursehub.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import dev.coursehub.servicekit.sql.Where;

import static dev.coursehub.servicekit.sql.SqlValues.nullable;

@Repository
class BookingRepository {

	private static final String SELECT = """
			SELECT b.id, b.user_id, b.course_id, s.code AS stream, b.status, b.referral_code, b.discount_percent,
			       b.price, b.created_at, b.updated_at, b.version
			FROM booking b JOIN course_stream s ON s.id = b.stream_id
			""";

	private final DatabaseClient database;

	BookingRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Long> insert(long userId, long courseId, long streamId, BookingStatus status, String referralCode,
			int discountPercent, BigDecimal price, Instant createdAt, Long legacyId) {
		return this.database.sql("""
				INSERT INTO booking (user_id, course_id, stream_id, status, referral_code, discount_percent, price,
				                     created_at, updated_at, legacy_id)
				VALUES (:user, :course, :stream, :status, :referral, :discount, :price, :createdAt, :createdAt, :legacy)
				ON CONFLICT (legacy_id) DO NOTHING
				RETURNING id
				""")
			.bind("user", userId)
			.bind("course", courseId)
			.bind("stream", streamId)
			.bind("status", status.word())
			.bind("referral", nullable(referralCode, String.class))
			.bind("discount", discountPercent)
			.bind("price", nullable(price, BigDecimal.class))
			.bind("createdAt", createdAt)
			.bind("legacy", nullable(legacyId, Long.class))
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Mono<Booking> find(long id) {
		return this.database.sql(SELECT + " WHERE b.id = :id").bind("id", id).map(BookingRepository::booking).one();
	}

	/**
	 * Move the status if the booking is in a status that allows it, in one statement
	 * under the row's lock (concurrent moves queue up; the second sees the first's
	 * result).
	 * @return the previous status, empty if the booking does not exist or may not move
	 */
	Mono<BookingStatus> moveStatus(long id, BookingStatus target) {
		String[] from = target.allowedFrom().stream().map(BookingStatus::word).toArray(String[]::new);
		return this.database.sql("""
				WITH old AS (SELECT id, status FROM booking WHERE id = :id FOR UPDATE)
				UPDATE booking b SET status = :target, version = b.version + 1, updated_at = now()
				FROM old WHERE b.id = old.id AND old.status = ANY(:from)
				RETURNING old.status AS previous
				""")
			.bind("id", id)
			.bind("target", target.word())
			.bind("from", from)
			.map((row) -> BookingStatus.of(row.get("previous", String.class)))
			.one();
	}

	Mono<Long> moveStream(long id, long streamId) {
		return this.database.sql("""
				UPDATE booking SET stream_id = :stream, version = version + 1, updated_at = now()
				WHERE id = :id AND stream_id <> :stream RETURNING id
				""").bind("id", id).bind("stream", streamId).map((row) -> row.get("id", Long.class)).one();
	}

	Flux<Booking> search(BookingFilter filter, Long afterId, int limit) {
		Where where = new Where().and("b.course_id = :course", "course", filter.courseId())
			.and("s.code = :stream", "stream", filter.stream())
			.and("b.status = :status", "status", (filter.status() != null) ? filter.status().word() : null)
			.and("b.user_id = :user", "user", filter.userId())
			.and("b.created_at >= :from", "from", filter.from())
			.and("b.created_at < :to", "to", filter.to())
			.and("b.id < :after", "after", afterId);
		return this.database.sql(SELECT + where.sql() + " ORDER BY b.id DESC LIMIT :limit")
			.bindValues(where.values())
			.bind("limit", limit)
			.map(BookingRepository::booking)
			.all();
	}

	private static Booking booking(Readable row) {
		return new Booking(row.get("id", Long.class), row.get("user_id", Long.class), row.get("course_id", Long.class),
				row.get("stream", String.class), BookingStatus.of(row.get("status", String.class)),
				row.get("referral_code", String.class), row.get("discount_percent", Integer.class),
				row.get("price", BigDecimal.class), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class), row.get("version", Long.class));
	}

}
