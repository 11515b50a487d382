package news.platform.site.content;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Lenient reads of the services' JSON: a missing or mistyped value is absent, never an error. */
final class Json {

	private Json() {
	}

	static String text(JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	static int integer(JsonNode node, String field, int otherwise) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isNumber() ? value.asInt() : otherwise;
	}

	static boolean bool(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isBoolean() && value.asBoolean();
	}

	static Instant instant(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/** The elements of an array field; empty when absent or not an array. */
	static List<JsonNode> array(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		List<JsonNode> items = new ArrayList<>();
		if (value != null && value.isArray()) {
			value.forEach(items::add);
		}
		return items;
	}

	/** An array of items at the root, or under one of {@code fields} of an object. */
	static List<JsonNode> items(JsonNode body, String... fields) {
		List<JsonNode> items = new ArrayList<>();
		if (body == null) {
			return items;
		}
		if (body.isArray()) {
			body.forEach(items::add);
			return items;
		}
		for (String field : fields) {
			JsonNode value = body.get(field);
			if (value != null && value.isArray()) {
				value.forEach(items::add);
				return items;
			}
		}
		return items;
	}

}
