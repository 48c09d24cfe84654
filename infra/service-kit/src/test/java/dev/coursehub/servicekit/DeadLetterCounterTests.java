package dev.coursehub.servicekit;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterCounterTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final DeadLetterCounter counter = new DeadLetterCounter(this.registry,
			new StaticListableBeanFactory().getBeanProvider(KafkaListenerEndpointRegistry.class));

	@Test
	void reasonsAreFewAndKnownInAdvance() {
		assertThat(DeadLetterCounter.reason(new RejectedRecordException("no eventId"))).isEqualTo("rejected");
		assertThat(DeadLetterCounter.reason(new DeserializationException("not JSON", new byte[0], false, null)))
			.isEqualTo("unreadable");
		assertThat(DeadLetterCounter.reason(new MessageConversionException("wrong shape"))).isEqualTo("unreadable");
		assertThat(DeadLetterCounter.reason(new KafkaException("database down"))).isEqualTo("failed");
		assertThat(DeadLetterCounter.reason(new IllegalStateException())).isEqualTo("failed");
	}

	@Test
	void everyReasonOfATopicStartsAtZero() {
		this.counter.registerAtZero(List.of("booking.events"));
		assertThat(this.registry.get("coursehub.kafka.dead.letters").tag("topic", "booking.events").counters())
			.hasSize(3)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void countsByTopicAndReason() {
		this.counter.registerAtZero(List.of("booking.events"));
		this.counter.increment("booking.events", new RejectedRecordException("no eventId"));
		assertThat(this.registry.get("coursehub.kafka.dead.letters")
			.tag("topic", "booking.events")
			.tag("reason", "rejected")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("coursehub.kafka.dead.letters").tag("reason", "failed").counter().count())
			.isZero();
	}

}
