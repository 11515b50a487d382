package news.platform.desk.upstream;

import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * An article's headline and address by id, for pages about something else (a comment in the
 * moderation queue names its article). Its own small client beside {@link ArticleService}, so the
 * story editor's client stays the editor's.
 */
public class ArticleHeadlines {

	private final RestClient client;

	private final ServiceCalls calls;

	ArticleHeadlines(RestClient client, ServiceCalls calls) {
		this.client = client;
		this.calls = calls;
	}

	/** {@code GET /api/v1/articles/{id}}: the article as this person may see it; null when it does not exist for them. */
	public JsonNode article(String id) {
		try {
			return this.calls.call(() -> this.client.get().uri("/api/v1/articles/{id}", id).retrieve().body(JsonNode.class));
		}
		catch (Refusal refusal) {
			return null;
		}
	}

}
