package news.platform.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives comment-service over HTTP as readers and moderators would. */
public final class CommentApi {

	public static final String MODERATOR = TestTokens.token("moderator-1", "moderator");

	public static final String MODERATOR_2 = TestTokens.token("moderator-2", "moderator");

	private final int port;

	public CommentApi(int port) {
		this.port = port;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A reader token for a new user (each has a fresh rate-limit bucket). */
	public static String reader() {
		return TestTokens.token("reader-" + UUID.randomUUID().toString().substring(0, 12), "reader");
	}

	public static String reader(String subject) {
		return TestTokens.token(subject, "reader");
	}

	public static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	public Http.Response post(String token, String articleId, String text, String parentId, String... headers) {
		String body = "{\"text\": " + json(text) + (parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"")
				+ "}";
		return postRaw(token, articleId, body, headers);
	}

	public Http.Response postRaw(String token, String articleId, String body, String... headers) {
		List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
		if (token != null) {
			all.addAll(List.of("Authorization", Http.bearer(token)));
		}
		all.addAll(List.of(headers));
		return Http.post(url("/api/v1/comments/articles/" + articleId), body, all.toArray(String[]::new));
	}

	/** Posts and expects 201; returns the comment as its author sees it. */
	public JsonNode posted(String articleId, String text, String parentId) {
		Http.Response response = post(reader(), articleId, text, parentId);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	public JsonNode thread(String articleId, String query) {
		Http.Response response = Http.get(url("/api/v1/comments/articles/" + articleId + (query == null ? "" : "?" + query)));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	public Http.Response send(String method, String token, String path, String body) {
		List<String> headers = new ArrayList<>();
		if (token != null) {
			headers.addAll(List.of("Authorization", Http.bearer(token)));
		}
		if (body != null) {
			headers.addAll(List.of("Content-Type", "application/json"));
		}
		return Http.send(method, url(path), body, headers.toArray(String[]::new));
	}

	public Http.Response moderate(String token, String commentId, String action, long version, String reason) {
		return send("POST", token, "/api/v1/comments/moderation/comments/" + commentId + "/" + action,
				"{\"version\": " + version + (reason == null ? "" : ", \"reason\": " + json(reason)) + "}");
	}

	public JsonNode asModerator(String commentId) {
		Http.Response response = send("GET", MODERATOR, "/api/v1/comments/" + commentId, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
