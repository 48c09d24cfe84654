package dev.coursehub.testkit;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventExamplesTests {

	final EventExamples catalog = EventExamples.in(Path.of("src/test/resources/events"));

	@Test
	void acceptsARecordShapedLikeItsExample() {
		this.catalog.assertMatchesExample("""
				{"eventId":"11111111-2222-3333-4444-555555555555","type":"kit.pinged.v1",
				 "occurredAt":"2026-01-01T00:00:00Z","aggregateType":"kit","aggregateId":"7",
				 "aggregateVersion":3,"data":{"name":"other","price":10,"tags":["b","c"]}}
				""");
	}

	@Test
	void rejectsAMissingField() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.catalog.assertMatchesExample("""
				{"eventId":"1","type":"kit.pinged.v1","occurredAt":"x","aggregateType":"kit","aggregateId":"7",
				 "aggregateVersion":3,"data":{"name":"other","tags":[]}}
				""")).withMessageContaining("data.price: missing");
	}

	@Test
	void rejectsAFieldTheExampleDoesNotHaveAndAWrongKind() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.catalog.assertMatchesExample("""
				{"eventId":"1","type":"kit.pinged.v1","occurredAt":"x","aggregateType":"kit","aggregateId":"7",
				 "aggregateVersion":"3","data":{"name":"other","price":1,"tags":[],"email":"a@b.c"}}
				"""))
			.withMessageContaining("data.email: not in the example")
			.withMessageContaining("aggregateVersion: expected number but was string");
	}

	@Test
	void readsTheExampleIntoAConsumersOwnCopy() {
		Pinged pinged = this.catalog.read("kit.pinged.v1", Pinged.class);
		assertThat(pinged.aggregateId()).isEqualTo("42");
		assertThat(pinged.data().name()).isEqualTo("ping");
	}

	@Test
	void refusesAConsumerCopyWithAFieldTheExampleLacks() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.catalog.read("kit.pinged.v1", WrongCopy.class));
	}

	record Pinged(String aggregateId, Data data) {
		record Data(String name) {
		}
	}

	record WrongCopy(String aggregateId, String streamCode) {
	}

}
