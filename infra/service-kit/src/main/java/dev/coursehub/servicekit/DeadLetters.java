package dev.coursehub.servicekit;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Sends a record that cannot be processed to {@code <topic>-dlt} with the reason in the
 * standard {@code kafka_dlt-*} headers, counts it in {@code coursehub.kafka.dead.letters}
 * ({@link DeadLetterCounter}) and logs one line with its coordinates and the exception's
 * class (never its value, which may hold personal data).
 */
public class DeadLetters extends DeadLetterPublishingRecoverer {

	/** Suffix of every dead-letter topic. */
	public static final String SUFFIX = "-dlt";

	private static final Log logger = LogFactory.getLog(DeadLetters.class);

	private final DeadLetterCounter counter;

	public DeadLetters(KafkaOperations<?, ?> template, DeadLetterCounter counter) {
		// partition -1: the producer picks one, so a dead-letter topic needs no fixed
		// partition count
		super(Map.of(Object.class, template), (record, ex) -> new TopicPartition(record.topic() + SUFFIX, -1));
		this.counter = counter;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
		Throwable reason = rootReason(exception);
		this.counter.increment(record.topic(), reason);
		logger.warn("Dead-lettering " + record.topic() + "-" + record.partition() + "@" + record.offset() + " ("
				+ DeadLetterCounter.reason(reason) + "): " + reason.getClass().getSimpleName());
		super.accept(record, consumer, exception);
	}

	private static Throwable rootReason(Exception exception) {
		Throwable reason = exception;
		// a batch listener names the failed record with a BatchListenerFailedException
		while ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException)
				&& reason.getCause() != null) {
			reason = reason.getCause();
		}
		return reason;
	}

}
