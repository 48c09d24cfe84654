package dev.coursehub.servicekit;

import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

/**
 * {@code coursehub.kafka.dead.letters{topic, reason}}: records sent to a dead-letter
 * topic. The reason is one of three, so that every counter can exist from the start: once
 * the context is refreshed, each topic a listener container consumes gets its three
 * counters at zero (Micrometer's way: a dashboard and an alert then see a rate of 0, not
 * a series that is missing until the first dead letter). Listeners on a topic pattern get
 * theirs at their first dead letter.
 */
public class DeadLetterCounter implements ApplicationListener<ContextRefreshedEvent> {

	/** The record could not be read: not JSON, or not the shape the listener takes. */
	public static final String UNREADABLE = "unreadable";

	/**
	 * The listener refused it ({@link RejectedRecordException}): retrying cannot help.
	 */
	public static final String REJECTED = "rejected";

	/** Processing failed every retry (a database down for longer than the back-off). */
	public static final String FAILED = "failed";

	static final List<String> REASONS = List.of(UNREADABLE, REJECTED, FAILED);

	private final MeterRegistry registry;

	private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;

	public DeadLetterCounter(MeterRegistry registry, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
		this.registry = registry;
		this.listeners = listeners;
	}

	/** Counts one dead letter of {@code topic} for {@code cause}, the root reason. */
	void increment(String topic, Throwable cause) {
		counter(topic, reason(cause)).increment();
	}

	/** The reason tag of a failure (not the exception's class: that is logged). */
	static String reason(Throwable cause) {
		if (cause instanceof RejectedRecordException) {
			return REJECTED;
		}
		if (cause instanceof DeserializationException || cause instanceof MessageConversionException
				|| cause instanceof ConversionException) {
			return UNREADABLE;
		}
		return FAILED;
	}

	/** Registers every reason's counter of the given topics at zero. */
	void registerAtZero(Collection<String> topics) {
		topics.forEach((topic) -> REASONS.forEach((reason) -> counter(topic, reason)));
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		KafkaListenerEndpointRegistry registry = this.listeners.getIfAvailable();
		if (registry == null) {
			return;
		}
		for (MessageListenerContainer container : registry.getAllListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			if (topics != null) {
				registerAtZero(List.of(topics));
			}
		}
	}

	private Counter counter(String topic, String reason) {
		return Counter.builder("coursehub.kafka.dead.letters")
			.description("Records sent to a dead-letter topic")
			.tag("topic", topic)
			.tag("reason", reason)
			.register(this.registry);
	}

}
