package dev.coursehub.analytics.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.coursehub.analytics.events.Envelope;
import dev.coursehub.analytics.events.EventReader;
import dev.coursehub.servicekit.RejectedRecordException;

/**
 * Reads every partition of a topic from its beginning up to the end offsets it had when
 * the reader was made, in batches. Its own consumer is assigned the partitions (no
 * consumer group, no committed offsets), so the live listener is not disturbed. Records
 * that are not events (already dead-lettered by the live listener) are skipped. Not
 * thread-safe, and blocking: it runs on one worker thread.
 */
final class TopicReader implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(200);

	private final Consumer<String, JsonNode> consumer;

	private final Map<TopicPartition, Long> end;

	private final long total;

	TopicReader(Consumer<String, JsonNode> consumer, String topic) {
		this.consumer = consumer;
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
		this.end = consumer.endOffsets(partitions);
		this.total = partitions.stream().mapToLong((p) -> this.end.get(p) - beginning.get(p)).sum();
	}

	long total() {
		return this.total;
	}

	/** The next batch, or null once every partition was read up to its end offset. */
	@Nullable Batch next(int size) {
		if (done()) {
			return null;
		}
		List<Envelope> events = new ArrayList<>();
		long read = 0;
		while (events.size() < size && !done()) {
			for (ConsumerRecord<String, JsonNode> record : this.consumer.poll(POLL)) {
				read++;
				if (record.value() != null) {
					try {
						events.add(EventReader.envelope(record.value()));
					}
					catch (RejectedRecordException ex) {
						// dead-lettered when the live listener met it
					}
				}
			}
		}
		return new Batch(events, read, this.total);
	}

	private boolean done() {
		return this.end.entrySet().stream().allMatch((e) -> this.consumer.position(e.getKey()) >= e.getValue());
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * Events to apply, the number of records read to find them, and the records the topic
	 * held when the reader started.
	 */
	record Batch(List<Envelope> events, long read, long total) {
	}

}
