package dev.coursehub.servicekit.metrics;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Gauges whose values are read from the database on a fixed interval, from the moment the
 * application context starts until it stops. A refresh that fails is logged and the next
 * tick tries again; a tick that comes while a refresh still runs is dropped.
 */
public abstract class RefreshedGauges implements SmartLifecycle {

	private final Log logger = LogFactory.getLog(getClass());

	private final Duration interval;

	private volatile Disposable refreshing;

	/**
	 * @param interval time between two refreshes; the first runs at start-up
	 */
	protected RefreshedGauges(Duration interval) {
		this.interval = interval;
	}

	/**
	 * @return reads the values and sets the gauges
	 */
	protected abstract Mono<Void> refresh();

	@Override
	public void start() {
		this.refreshing = Flux.interval(Duration.ZERO, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> refresh().onErrorResume((ex) -> {
				this.logger.warn("Refreshing gauges failed: " + ex);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.refreshing;
		if (current != null) {
			current.dispose();
		}
		this.refreshing = null;
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

}
