package dev.coursehub.messaging.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Admission of sends to the stretch between their chat token and their call, which ends
 * at their global slot ({@link GlobalSlots}): at most 0.4 s of sends at the global rate
 * (at least two) may be admitted at once, enough to bridge a stall of the database work
 * before the slot, few enough to keep the wait for a slot short. Sends beyond that wait,
 * in order, for a permit to be released.
 */
public final class Admissions {

	/**
	 * Sends admitted at once, as time at the global rate: what a stall can be bridged by.
	 */
	private static final long ADMITTED = Duration.ofMillis(400).toNanos();

	private final int admissions;

	private final Deque<MonoSink<Permit>> admissionQueue = new ArrayDeque<>();

	private int admitted;

	public Admissions(TelegramLimits limits) {
		this.admissions = (int) Math.max(2, ADMITTED / limits.globalSpacing().toNanos());
	}

	/**
	 * Admission of one send to the stretch between its chat token and its call; the
	 * permit is given back with {@link Permit#release()}.
	 */
	public Mono<Permit> admit() {
		Mono<Permit> admission = Mono.create((sink) -> {
			boolean granted;
			synchronized (this) {
				granted = this.admitted < this.admissions;
				if (granted) {
					this.admitted++;
				}
				else {
					this.admissionQueue.addLast(sink);
				}
			}
			if (granted) {
				sink.success(new Permit());
			}
			else {
				sink.onCancel(() -> {
					synchronized (this) {
						this.admissionQueue.remove(sink);
					}
				});
			}
		});
		// a permit granted to a send cancelled meanwhile is passed on, never lost
		return admission.doOnDiscard(Permit.class, Permit::release);
	}

	private void leave() {
		MonoSink<Permit> next;
		synchronized (this) {
			next = this.admissionQueue.pollFirst();
			if (next == null) {
				this.admitted--;
			}
		}
		if (next != null) {
			next.success(new Permit());
		}
	}

	/** One admitted send; releasing it more than once releases it once. */
	public final class Permit {

		private final AtomicBoolean released = new AtomicBoolean();

		public void release() {
			if (this.released.compareAndSet(false, true)) {
				leave();
			}
		}

	}

}
