package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * This instance's share of the global send rate: blocks of send times reserved from the
 * global bucket ({@link TelegramLimits#reserveGlobal(int)}) a quarter of a second at a
 * time and ahead of need, handed out one per send, in order, to sends whose database work
 * is done, so that nothing but a timer stands between a send's slot and its call. A send
 * that wakes up more than 40% of the guard after its slot leaves it unused and takes the
 * next one, so late sends cannot crowd a second; so does a send whose slot comes less
 * than a second after the write of the send {@code globalPerSecond} before it
 * ({@link SentWindow}), so a send written late cannot either; a send whose slot would
 * come too late for its chat's token gets none. How many sends may be on their way to a
 * slot at once is {@link Admissions}' concern.
 */
public final class GlobalSlots {

	private static final Log logger = LogFactory.getLog(GlobalSlots.class);

	private static final long NONE = Long.MIN_VALUE;

	private static final long BLOCK = Duration.ofMillis(250).toNanos();

	private final TelegramLimits limits;

	private final int blockSize;

	private final long toleranceNanos;

	private final Deque<Long> free = new ArrayDeque<>();

	private final Deque<Waiter> waiting = new ArrayDeque<>();

	/** A thread that only wakes sends at their slots, so that they wake on time. */
	private static final Scheduler timer = Schedulers.newSingle("global-slots", true);

	private final AtomicLong missed = new AtomicLong();

	private final AtomicLong unused = new AtomicLong();

	private final AtomicLong crowded = new AtomicLong();

	private final SentWindow window;

	private boolean reserving;

	public GlobalSlots(TelegramLimits limits) {
		this.limits = limits;
		long spacing = limits.globalSpacing().toNanos();
		this.blockSize = (int) Math.max(1, BLOCK / spacing);
		this.toleranceNanos = limits.globalGuard().toNanos() * 2 / 5;
		this.window = new SentWindow(limits.globalPerSecond());
	}

	/**
	 * Completes at this send's slot with its ticket, which the send reports its write to
	 * ({@link SentWindow.Ticket#written()}), or at once empty when the next free slot
	 * comes after {@code notAfterNanos} (a {@link System#nanoTime()} value) or no slot
	 * could be reserved.
	 */
	public Mono<SentWindow.Ticket> await(long notAfterNanos) {
		return Mono.<Long>create((sink) -> take(sink, notAfterNanos)).flatMap((slot) -> {
			if (slot == NONE) {
				return Mono.empty();
			}
			long wait = slot - System.nanoTime();
			Mono<Long> atSlot = (wait > 0) ? Mono.delay(Duration.ofNanos(wait), timer) : Mono.just(0L);
			return atSlot.then(Mono.defer(() -> {
				long now = System.nanoTime();
				if (now - slot > this.toleranceNanos) {
					this.missed.incrementAndGet();
					return await(notAfterNanos);
				}
				SentWindow.Ticket ticket = this.window.open(slot, now);
				if (ticket == null) {
					this.crowded.incrementAndGet();
					return await(notAfterNanos);
				}
				return Mono.just(ticket);
			}));
		});
	}

	/** Slots given to a send that woke up too late for it. */
	public long missed() {
		return this.missed.get();
	}

	/**
	 * Slots left because the send {@code globalPerSecond} before was written less than a
	 * second earlier.
	 */
	public long crowded() {
		return this.crowded.get();
	}

	/** Slots that passed with no send ready for them. */
	public long unused() {
		return this.unused.get();
	}

	private void take(MonoSink<Long> sink, long notAfterNanos) {
		long slot = NONE;
		boolean queued;
		boolean reserve;
		synchronized (this) {
			dropStale();
			queued = this.free.isEmpty();
			if (queued) {
				this.waiting.addLast(new Waiter(sink, notAfterNanos));
			}
			else if (this.free.peekFirst() <= notAfterNanos) {
				slot = this.free.pollFirst();
			}
			reserve = startReserving();
		}
		if (!queued) {
			sink.success(slot);
		}
		if (reserve) {
			reserve();
		}
	}

	/**
	 * Under the lock: whether a reservation should start now (and it is marked started).
	 */
	private boolean startReserving() {
		if (this.reserving || (this.free.size() >= this.blockSize && this.waiting.isEmpty())) {
			return false;
		}
		this.reserving = true;
		return true;
	}

	private void reserve() {
		this.limits.reserveGlobal(this.blockSize).subscribe(this::reserved, this::reservationFailed);
	}

	private void reserved(long[] slots) {
		List<Runnable> answers = new ArrayList<>();
		boolean again;
		synchronized (this) {
			for (long slot : slots) {
				this.free.addLast(slot);
			}
			this.reserving = false;
			while (!this.waiting.isEmpty()) {
				dropStale();
				if (this.free.isEmpty()) {
					break;
				}
				Waiter waiter = this.waiting.pollFirst();
				long slot = (this.free.peekFirst() > waiter.notAfterNanos()) ? NONE : this.free.pollFirst();
				answers.add(() -> waiter.sink().success(slot));
			}
			again = !this.waiting.isEmpty() && startReserving();
		}
		answers.forEach(Runnable::run);
		if (again) {
			reserve();
		}
	}

	private void reservationFailed(Throwable ex) {
		List<Waiter> failed;
		synchronized (this) {
			this.reserving = false;
			failed = new ArrayList<>(this.waiting);
			this.waiting.clear();
		}
		logger.warn("Could not reserve global send slots: " + ex.getClass().getSimpleName());
		failed.forEach((waiter) -> waiter.sink().success(NONE));
	}

	/** Under the lock: slots too far in the past to be used are dropped. */
	private void dropStale() {
		long oldest = System.nanoTime() - this.toleranceNanos;
		while (!this.free.isEmpty() && this.free.peekFirst() < oldest) {
			this.free.pollFirst();
			this.unused.incrementAndGet();
		}
	}

	private record Waiter(MonoSink<Long> sink, long notAfterNanos) {
	}

}
