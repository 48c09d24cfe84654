package dev.coursehub.gateway.apidocs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Merges the services' OpenAPI documents into one document for the whole platform, as a
 * caller of the gateway sees it: each service's paths under {@code /api/<service>}, its
 * operation ids prefixed with the service name, its components kept, and a component
 * whose name another service already uses for a different definition renamed to
 * {@code <Service><Name>} (references rewritten) so nothing is silently overwritten.
 */
final class OpenApiMerger {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private OpenApiMerger() {
	}

	/**
	 * @param gateway the gateway's own document (its paths are taken as they are)
	 * @param services each service's document by service name, in the order to merge
	 * @param unavailable services whose document could not be read, listed in the result
	 * @return the merged document
	 */
	static ObjectNode merge(JsonNode gateway, Map<String, JsonNode> services, List<String> unavailable) {
		ObjectNode merged = (ObjectNode) gateway.deepCopy();
		ObjectNode paths = objectAt(merged, "paths");
		ObjectNode components = objectAt(merged, "components");
		ArrayNode tags = arrayAt(merged, "tags");
		services.forEach((service, document) -> {
			JsonNode renamed = renameClashingComponents(service, document.deepCopy(), components);
			renamed.path("paths").properties().forEach((entry) -> {
				JsonNode item = entry.getValue().deepCopy();
				prefixOperationIds(service, item);
				paths.set("/api/" + service + entry.getKey(), item);
			});
			renamed.path("components").properties().forEach((section) -> {
				ObjectNode target = objectAt(components, section.getKey());
				section.getValue()
					.properties()
					.forEach((component) -> target.set(component.getKey(), component.getValue()));
			});
			renamed.path("tags").forEach(tags::add);
		});
		if (!unavailable.isEmpty()) {
			ArrayNode missing = merged.putArray("x-coursehub-unavailable");
			unavailable.forEach(missing::add);
		}
		return merged;
	}

	private static JsonNode renameClashingComponents(String service, JsonNode document, ObjectNode existing) {
		Map<String, String> renames = new HashMap<>();
		document.path("components").properties().forEach((section) -> {
			JsonNode taken = existing.path(section.getKey());
			List<String> names = new ArrayList<>();
			section.getValue().propertyNames().forEach(names::add);
			for (String name : names) {
				JsonNode definition = section.getValue().get(name);
				if (taken.has(name) && !taken.get(name).equals(definition)) {
					String newName = capitalized(service) + name;
					((ObjectNode) section.getValue()).remove(name);
					((ObjectNode) section.getValue()).set(newName, definition);
					renames.put("#/components/" + section.getKey() + "/" + name,
							"#/components/" + section.getKey() + "/" + newName);
				}
			}
		});
		return renames.isEmpty() ? document : rewriteRefs(document, renames);
	}

	private static JsonNode rewriteRefs(JsonNode node, Map<String, String> renames) {
		if (node.isObject()) {
			ObjectNode object = (ObjectNode) node;
			List<String> names = new ArrayList<>();
			object.propertyNames().forEach(names::add);
			for (String name : names) {
				JsonNode value = object.get(name);
				if ("$ref".equals(name) && value.isString() && renames.containsKey(value.asString())) {
					object.set(name, StringNode.valueOf(renames.get(value.asString())));
				}
				else {
					object.set(name, rewriteRefs(value, renames));
				}
			}
		}
		else if (node.isArray()) {
			ArrayNode array = (ArrayNode) node;
			for (int i = 0; i < array.size(); i++) {
				array.set(i, rewriteRefs(array.get(i), renames));
			}
		}
		return node;
	}

	private static void prefixOperationIds(String service, JsonNode pathItem) {
		pathItem.properties().forEach((operation) -> {
			JsonNode id = operation.getValue().get("operationId");
			if (id != null && id.isString()) {
				((ObjectNode) operation.getValue()).put("operationId", service + "_" + id.asString());
			}
		});
	}

	private static ObjectNode objectAt(ObjectNode parent, String name) {
		JsonNode node = parent.get(name);
		if (node instanceof ObjectNode object) {
			return object;
		}
		ObjectNode created = NODES.objectNode();
		parent.set(name, created);
		return created;
	}

	private static ArrayNode arrayAt(ObjectNode parent, String name) {
		JsonNode node = parent.get(name);
		if (node instanceof ArrayNode array) {
			return array;
		}
		ArrayNode created = NODES.arrayNode();
		parent.set(name, created);
		return created;
	}

	private static String capitalized(String service) {
		return Character.toUpperCase(service.charAt(0)) + service.substring(1);
	}

}
