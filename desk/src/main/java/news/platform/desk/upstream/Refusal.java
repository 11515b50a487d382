package news.platform.desk.upstream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service refused this person's request (a 4xx) with RFC 9457 problem+json: the page says why in
 * words (its type's text from the desk's bundles, the field it names) and keeps what was typed.
 * Used by the comment-service and media-service clients.
 */
public class Refusal extends RuntimeException {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int status;

	private final JsonNode problem;

	public Refusal(int status, String body) {
		super("refused with " + status);
		this.status = status;
		this.problem = parse(body);
	}

	public int status() {
		return this.status;
	}

	/** The problem type's slug ({@code stale-version}, {@code validation}); {@code unknown} without one. */
	public String type() {
		String type = this.problem.path("type").asString("");
		int at = type.lastIndexOf("/problems/");
		return at < 0 ? "unknown" : type.substring(at + "/problems/".length());
	}

	/** The service's own sentence (English), shown beside the desk's words. */
	public String detail() {
		return this.problem.path("detail").asString("");
	}

	/** The first field the problem names ({@code errors[0].field}), or null. */
	public String field() {
		JsonNode errors = this.problem.path("errors");
		return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("field").asString(null) : null;
	}

	private static JsonNode parse(String body) {
		try {
			return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return JSON.createObjectNode();
		}
	}

}
