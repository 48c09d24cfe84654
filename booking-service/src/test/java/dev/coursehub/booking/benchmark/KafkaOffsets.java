package dev.coursehub.booking.benchmark;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records a topic holds: the sum of its partitions' end offsets. */
final class KafkaOffsets {

	private KafkaOffsets() {
	}

	static long total(String bootstrapServers, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			int partitions = admin.describeTopics(java.util.List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.size();
			Map<TopicPartition, OffsetSpec> request = java.util.stream.IntStream.range(0, partitions)
				.boxed()
				.collect(Collectors.toMap((p) -> new TopicPartition(topic, p), (p) -> OffsetSpec.latest()));
			return admin.listOffsets(request).all().get().values().stream().mapToLong((info) -> info.offset()).sum();
		}
	}

}
