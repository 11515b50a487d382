package news.platform.desk.importing;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An uploaded ninjs file, checked before anything is sent: UTF-8 JSON, either one item (an
 * object), a batch as a JSON array, or NDJSON (one object a line), at most 100 items. The desk
 * checks only the shape; article-service checks each item against the ninjs schema.
 *
 * @param contentType what article-service is sent: {@code application/ninjs+json} or {@code application/x-ndjson}
 * @param items how many items the file holds
 * @param batch whether article-service answers one result per item
 * @param problem a bundle key when the file is refused, else null
 */
record ImportFile(String contentType, int items, boolean batch, String problem) {

	static final int MAX_ITEMS = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ImportFile check(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return refused("import.problem.not-json");
		}
		if (text.isBlank()) {
			return refused("import.problem.empty-file");
		}
		JsonNode whole = null;
		try {
			whole = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			// not one JSON document: perhaps NDJSON, checked below
		}
		if (whole != null && whole.isObject()) {
			return new ImportFile("application/ninjs+json", 1, false, null);
		}
		if (whole != null && whole.isArray()) {
			if (whole.isEmpty()) {
				return refused("import.problem.empty-file");
			}
			if (whole.size() > MAX_ITEMS) {
				return refused("import.problem.too-many");
			}
			return new ImportFile("application/ninjs+json", whole.size(), true, null);
		}
		if (whole != null) {
			return refused("import.problem.not-json");
		}
		int lines = 0;
		for (String line : text.split("\\r?\\n")) {
			if (line.isBlank()) {
				continue;
			}
			lines++;
			if (lines > MAX_ITEMS) {
				return refused("import.problem.too-many");
			}
			try {
				if (!JSON.readTree(line).isObject()) {
					return refused("import.problem.not-json");
				}
			}
			catch (JacksonException ex) {
				return refused("import.problem.not-json");
			}
		}
		return new ImportFile("application/x-ndjson", lines, true, null);
	}

	private static ImportFile refused(String problem) {
		return new ImportFile(null, 0, false, problem);
	}

}
