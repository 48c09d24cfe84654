package dev.coursehub.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event catalog in {@code docs/events/}: one example payload per event type, in
 * {@code <type>.json} (e.g. {@code booking.confirmed.v1.json}). Publishers check that
 * what they write has the example's shape; consumers check that their own copy of an
 * event reads the example.
 */
public final class EventExamples {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Path directory;

	private EventExamples(Path directory) {
		this.directory = directory;
	}

	/** The repository's catalog, found by walking up from the working directory. */
	public static EventExamples catalog() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("docs").resolve("events");
			if (Files.isDirectory(candidate)) {
				return new EventExamples(candidate);
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
	}

	/** A catalog in another directory (for tests of this helper). */
	public static EventExamples in(Path directory) {
		return new EventExamples(directory);
	}

	/** The example payload of an event type. */
	public JsonNode example(String type) {
		Path file = this.directory.resolve(type + ".json");
		assertThat(file).as("example payload for " + type).exists();
		return mapper.readTree(file.toFile());
	}

	/**
	 * Assert a published record has exactly the fields of its type's example, at every
	 * level, each of the same JSON kind (string, number, boolean, object, array; null
	 * matches anything). The type is read from the record's {@code type} field.
	 */
	public void assertMatchesExample(String json) {
		JsonNode actual = mapper.readTree(json);
		assertThat(actual.path("type").isString()).as("record names its type: " + json).isTrue();
		String type = actual.get("type").asString();
		List<String> differences = new ArrayList<>();
		compare("", example(type), actual, differences);
		assertThat(differences).as("differences from docs/events/" + type + ".json").isEmpty();
	}

	/**
	 * Read a type's example into a consumer's own copy of the event: only the fields the
	 * consumer declares are read; none of them may be missing from the example.
	 */
	public <T> T read(String type, Class<T> consumerType) {
		JsonNode example = example(type);
		T value = mapper.treeToValue(example, consumerType);
		assertThat(value).hasNoNullFieldsOrProperties();
		return value;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (expected.isNull() || actual.isNull()) {
			return;
		}
		if (!kind(expected).equals(kind(actual))) {
			differences.add(path + ": expected " + kind(expected) + " but was " + kind(actual));
			return;
		}
		if (expected.isObject()) {
			Set<String> names = new TreeSet<>(expected.propertyNames());
			names.addAll(actual.propertyNames());
			for (String name : names) {
				String child = path.isEmpty() ? name : path + "." + name;
				if (!expected.has(name)) {
					differences.add(child + ": not in the example");
				}
				else if (!actual.has(name)) {
					differences.add(child + ": missing");
				}
				else {
					compare(child, expected.get(name), actual.get(name), differences);
				}
			}
		}
		else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
			for (int i = 0; i < actual.size(); i++) {
				compare(path + "[" + i + "]", expected.get(0), actual.get(i), differences);
			}
		}
	}

	private static String kind(JsonNode node) {
		return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase(Locale.ROOT);
	}

}
