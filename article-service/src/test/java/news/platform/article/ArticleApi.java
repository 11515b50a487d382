package news.platform.article;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestTokens;

/** Drives the article API over HTTP as the newsroom would, for integration tests. */
public final class ArticleApi {

	public static final String EDITOR = TestTokens.token("editor-1", "editor");

	public static final String ADMIN = TestTokens.token("admin-1", "admin");

	public static final String SERVICE = TestTokens.token("comment-service", "service");

	public static final String READER = TestTokens.token("reader-1", "reader");

	private final int port;

	public ArticleApi(int port) {
		this.port = port;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public static String journalist(String subject) {
		return TestTokens.token(subject, "journalist");
	}

	public static String unique(String headline) {
		return headline + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	public Http.Response create(String token, String json) {
		return Http.post(url("/api/v1/articles"), json, "Content-Type", "application/json", "Authorization",
				Http.bearer(token));
	}

	/**
	 * The slug of a contributor's profile with this name, made by an editor when it does not exist
	 * yet (articles name authors by profile).
	 */
	public String author(String name) {
		Http.Response made = Http.post(url("/api/v1/authors"), "{\"name\": \"" + name + "\"}", "Content-Type",
				"application/json", "Authorization", Http.bearer(EDITOR));
		if (made.status() != 201 && made.status() != 409) {
			throw new IllegalStateException("author failed: " + made.status() + " " + made.body());
		}
		return news.platform.article.slug.Slugs.fromHeadline(name);
	}

	/** A draft with a unique headline; returns its JSON. */
	public JsonNode draft(String token, String headline) {
		author("Ana Anić");
		Http.Response created = create(token, """
				{"headline": "%s", "standfirst": "Uvod", "section": "vijesti", "tags": ["grad"],
				 "authors": ["ana-anic"],
				 "body": [{"type": "paragraph", "text": "Prvi odlomak teksta."},
				          {"type": "image", "mediaId": "m-1", "caption": "Slika"}]}
				""".formatted(headline));
		if (created.status() != 201) {
			throw new IllegalStateException("create failed: " + created.status() + " " + created.body());
		}
		return created.json();
	}

	public Http.Response action(String token, String id, String action, String body, String... headers) {
		List<String> all = new ArrayList<>(List.of("Authorization", Http.bearer(token)));
		if (body != null) {
			all.addAll(List.of("Content-Type", "application/json"));
		}
		all.addAll(List.of(headers));
		return Http.send("POST", url("/api/v1/articles/" + id + "/" + action), body == null ? "" : body,
				all.toArray(String[]::new));
	}

	public JsonNode published(String headline) {
		JsonNode draft = draft(EDITOR, headline);
		Http.Response published = action(EDITOR, draft.path("id").asString(), "publish", null);
		if (published.status() != 200) {
			throw new IllegalStateException("publish failed: " + published.status() + " " + published.body());
		}
		return published.json();
	}

	public Http.Response update(String method, String token, String id, String etag, String json) {
		List<String> headers = new ArrayList<>(
				List.of("Content-Type", "application/json", "Authorization", Http.bearer(token)));
		if (etag != null) {
			headers.addAll(List.of("If-Match", etag));
		}
		return Http.send(method, url("/api/v1/articles/" + id), json, headers.toArray(String[]::new));
	}

	public Http.Response get(String path, String... headers) {
		return Http.get(url(path), headers);
	}

}
