package dev.coursehub.analytics.events;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.coursehub.servicekit.RejectedRecordException;

/**
 * Reads record values into the envelope and this service's event copies. Anything that
 * does not fit the contract (a missing id, version or required field, a status word that
 * does not exist) is a {@link RejectedRecordException}: the record goes to the
 * dead-letter topic at once instead of blocking its partition.
 */
public final class EventReader {

	private static final Set<String> STATUSES = Set.of("pending", "confirmed", "cancelled");

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.build();

	private EventReader() {
	}

	public static Envelope envelope(@Nullable JsonNode value) {
		if (value == null || !value.isObject()) {
			throw new RejectedRecordException("record value is not a JSON object");
		}
		Envelope envelope = convert(value, Envelope.class, "envelope");
		if (envelope.eventId() == null || envelope.type() == null || envelope.occurredAt() == null
				|| envelope.data() == null || !envelope.data().isObject()) {
			throw new RejectedRecordException("envelope lacks eventId, type, occurredAt or data");
		}
		if (envelope.aggregateVersion() < 1) {
			throw new RejectedRecordException("aggregateVersion must be at least 1");
		}
		return envelope;
	}

	public static <T> T data(Envelope envelope, Class<T> type) {
		return convert(envelope.data(), type, envelope.type());
	}

	/** A booking status word, rejected unless it is one the contract names. */
	public static String status(@Nullable String status) {
		if (status == null || !STATUSES.contains(status)) {
			throw new RejectedRecordException("unknown booking status");
		}
		return status;
	}

	/** A text the figures cannot do without. */
	public static String required(@Nullable String value, String field) {
		if (value == null) {
			throw new RejectedRecordException(field + " is missing");
		}
		return value;
	}

	private static <T> T convert(JsonNode node, Class<T> type, String what) {
		try {
			return mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw new RejectedRecordException("cannot read " + what + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
