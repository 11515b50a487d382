package news.platform.desk.upstream;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's RFC 9457 answer to a refused request, as a page shows it: its title and detail in
 * words and the message per field it names ({@code errors}).
 */
public record Problem(int status, String type, String title, String detail, Map<String, String> fields) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public static Problem of(ArticleService.Refused refused) {
		JsonNode body;
		try {
			body = JSON.readTree(refused.problem() == null || refused.problem().isBlank() ? "{}" : refused.problem());
		}
		catch (JacksonException ex) {
			body = JSON.createObjectNode();
		}
		return of(refused.status(), body);
	}

	/** A problem as a service puts it inside a larger answer (an import batch's item result). */
	public static Problem of(int status, JsonNode body) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (JsonNode error : body.path("errors")) {
			String field = error.path("field").asString("");
			if (!field.isEmpty()) {
				fields.putIfAbsent(field, error.path("message").asString(""));
			}
		}
		return new Problem(status, body.path("type").asString(""), body.path("title").asString(""),
				body.path("detail").asString(""), fields);
	}

}
