package dev.coursehub.booking.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.coursehub.booking.course.CourseService;
import dev.coursehub.booking.user.UserDirectory;
import dev.coursehub.booking.user.UserFacts;
import dev.coursehub.servicekit.outbox.Outbox;
import dev.coursehub.servicekit.outbox.OutboxEvent;
import dev.coursehub.servicekit.web.Cursors;
import dev.coursehub.servicekit.web.Page;
import dev.coursehub.servicekit.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings and their status. Every change writes its events to the outbox in the same
 * transaction; the status machine is enforced by conditional updates.
 */
@Service
public class BookingService {

	private final BookingRepository bookings;

	private final CourseService courses;

	private final UserDirectory users;

	private final Outbox outbox;

	BookingService(BookingRepository bookings, CourseService courses, UserDirectory users, Outbox outbox) {
		this.bookings = bookings;
		this.courses = courses;
		this.users = users;
		this.outbox = outbox;
	}

	@Transactional
	public Mono<Booking> create(BookingRequests.NewBooking request) {
		Instant now = Instant.now();
		BookingStatus status = (request.status() != null) ? request.status() : BookingStatus.PENDING;
		int discount = (request.discountPercent() != null) ? request.discountPercent() : 0;
		return this.courses.course(request.courseId())
			.onErrorMap((ex) -> Problems.invalid("courseId", "No course " + request.courseId()))
			.then(this.courses.stream(request.courseId(), request.stream(), "stream"))
			.flatMap((stream) -> stream.isOpen() ? Mono.just(stream)
					: Mono.error(Problems.conflict("Stream " + stream.code() + " is closed to new bookings",
							Map.of("field", "stream"))))
			.flatMap((stream) -> {
				List<OutboxEvent> events = new ArrayList<>();
				UserFacts facts = new UserFacts(request.userId(), request.username(), request.firstName(), null, now);
				return this.users.record(facts)
					.doOnNext(events::add)
					.then(this.bookings.insert(request.userId(), request.courseId(), stream.id(), status,
							request.referralCode(), discount, request.price(), now, null))
					.flatMap(this.bookings::find)
					.flatMap((booking) -> {
						events.add(BookingEvents.created(booking));
						return this.outbox.append(events).thenReturn(booking);
					});
			});
	}

	/**
	 * Import a legacy booking as it was, once per legacy id, with the same events as live
	 * traffic. The stream must exist in the course (closed streams too: this is history).
	 * @return whether it was imported now (false: imported before)
	 */
	@Transactional
	public Mono<Boolean> importLegacy(LegacyBooking legacy) {
		return this.courses.stream(legacy.courseId(), legacy.stream(), "course_stream").flatMap((stream) -> {
			List<OutboxEvent> events = new ArrayList<>();
			UserFacts facts = new UserFacts(legacy.userId(), legacy.username(), legacy.firstName(), null,
					legacy.createdAt());
			return this.users.record(facts)
				.doOnNext(events::add)
				.then(this.bookings.insert(legacy.userId(), legacy.courseId(), stream.id(), legacy.status(),
						legacy.referralCode(), legacy.discountPercent(), null, legacy.createdAt(), legacy.legacyId()))
				.flatMap(this.bookings::find)
				.flatMap((booking) -> {
					events.add(BookingEvents.created(booking));
					return this.outbox.append(events).thenReturn(true);
				})
				.defaultIfEmpty(false);
		});
	}

	public Mono<Booking> get(long id) {
		return this.bookings.find(id).switchIfEmpty(Mono.error(() -> Problems.notFound("No booking " + id)));
	}

	/** A booking of this user; another user's booking is "not found", never revealed. */
	public Mono<Booking> getOwn(long userId, long id) {
		return this.bookings.find(id)
			.filter((booking) -> booking.userId() == userId)
			.switchIfEmpty(Mono.error(() -> Problems.notFound("No booking " + id)));
	}

	@Transactional
	public Mono<Booking> changeStatus(long id, BookingStatus target) {
		return this.bookings.moveStatus(id, target)
			.flatMap((previous) -> this.bookings.find(id)
				.flatMap((booking) -> this.outbox.append(BookingEvents.statusChanged(booking, previous))
					.thenReturn(booking)))
			.switchIfEmpty(Mono.defer(() -> get(id).flatMap((current) -> Mono
				.error(Problems.conflict("A " + current.status().word() + " booking cannot become " + target.word(),
						Map.of("currentStatus", current.status().word(), "field", "status"))))));
	}

	@Transactional
	public Mono<Booking> cancelOwn(long userId, long id) {
		return getOwn(userId, id).then(changeStatus(id, BookingStatus.CANCELLED));
	}

	@Transactional
	public Mono<Booking> changeStream(long id, String streamCode) {
		return get(id).flatMap((before) -> this.courses.stream(before.courseId(), streamCode, "stream")
			.flatMap((stream) -> this.bookings.moveStream(id, stream.id()))
			.flatMap((moved) -> this.bookings.find(id))
			.flatMap((after) -> this.outbox.append(BookingEvents.streamChanged(after, before.stream()))
				.thenReturn(after))
			.switchIfEmpty(Mono.error(() -> Problems.conflict("Booking " + id + " is already in " + streamCode,
					Map.of("field", "stream")))));
	}

	public Mono<Page<Booking>> list(BookingFilter filter, String cursor, int limit) {
		return this.bookings.search(filter, Cursors.decode(cursor), limit + 1)
			.collectList()
			.map((rows) -> Page.of(rows, limit, Booking::id));
	}

}
