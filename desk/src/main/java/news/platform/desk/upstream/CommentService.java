package news.platform.desk.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * comment-service's moderation API as the desk uses it, with the person's token (comment-service
 * decides who may moderate: moderator, editor, admin; the settings: moderator, admin). Path values
 * are checked by the caller against comment-service's id patterns before they get here.
 */
public class CommentService {

	private static final String MODERATION = "/api/v1/comments/moderation";

	private final RestClient client;

	private final ServiceCalls calls;

	CommentService(RestClient client, ServiceCalls calls) {
		this.client = client;
		this.calls = calls;
	}

	/** {@code GET …/queue}: one page of a state's queue, oldest first. */
	public JsonNode queue(String state, String cursor, int limit) {
		return get(MODERATION + "/queue?state=" + encode(state) + "&limit=" + limit
				+ (cursor == null ? "" : "&cursor=" + encode(cursor)));
	}

	/** {@code GET /api/v1/comments/{id}}: one comment in any state (moderators see everything). */
	public JsonNode comment(String id) {
		return get("/api/v1/comments/" + id);
	}

	public JsonNode approve(String id, long version, String reason) {
		return post(MODERATION + "/comments/" + id + "/approve", Map.of("version", version, "reason", nullToEmpty(reason)));
	}

	public JsonNode reject(String id, long version, String reason) {
		return post(MODERATION + "/comments/" + id + "/reject", Map.of("version", version, "reason", nullToEmpty(reason)));
	}

	/** {@code {action, reason, items: [{id, version}]}} → a result per item ({@code done}, {@code conflict}, {@code not-found}). */
	public JsonNode bulk(String action, String reason, List<Map<String, Object>> items) {
		return post(MODERATION + "/bulk", Map.of("action", action, "reason", nullToEmpty(reason), "items", items));
	}

	public JsonNode suspend(String userId, String duration, String reason) {
		return post(MODERATION + "/users/" + encode(userId) + "/suspend", Map.of("duration", duration, "reason",
				nullToEmpty(reason)));
	}

	public JsonNode ban(String userId, String reason) {
		return post(MODERATION + "/users/" + encode(userId) + "/ban", Map.of("reason", nullToEmpty(reason)));
	}

	public JsonNode restore(String userId, String reason) {
		return post(MODERATION + "/users/" + encode(userId) + "/restore", Map.of("reason", nullToEmpty(reason)));
	}

	/** {@code GET …/audit?<name>=<value>}: {@code commentId}, {@code userId} or {@code target=moderation-settings}. */
	public JsonNode audit(String name, String value) {
		return get(MODERATION + "/audit?" + name + "=" + encode(value));
	}

	/** The word lists and section policies, with their {@code revision} (the ETag changes send back). */
	public JsonNode settings() {
		return get(MODERATION + "/settings");
	}

	/** {@code PUT …/settings/words/{banned|suspect}} at the revision the person edited. */
	public JsonNode replaceWords(String list, List<String> words, long revision) {
		return put(MODERATION + "/settings/words/" + list, Map.of("words", words), revision);
	}

	/** {@code PUT …/settings/sections/{path}}, or the default policy when {@code section} is null. */
	public JsonNode putPolicy(String section, Map<String, Object> policy, long revision) {
		return put(MODERATION + "/settings/" + (section == null ? "default-section" : "sections/" + section), policy,
				revision);
	}

	public JsonNode removePolicy(String section, long revision) {
		return this.calls.call(() -> this.client.delete()
			.uri(MODERATION + "/settings/sections/" + section)
			.header("If-Match", "\"" + revision + "\"")
			.retrieve()
			.body(JsonNode.class));
	}

	private JsonNode get(String uri) {
		return this.calls.call(() -> this.client.get().uri(uri).retrieve().body(JsonNode.class));
	}

	private JsonNode post(String uri, Object body) {
		return this.calls.call(() -> this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JsonNode.class));
	}

	private JsonNode put(String uri, Object body, long revision) {
		return this.calls.call(() -> this.client.put()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", "\"" + revision + "\"")
			.body(body)
			.retrieve()
			.body(JsonNode.class));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
