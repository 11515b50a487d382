package news.platform.desk.upstream;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;

/**
 * article-service's public API as the desk uses it, with the person's token. A 4xx is the service's
 * answer to this person (a refusal the page shows); anything else counts against the breaker and
 * becomes {@link ServiceUnavailable}.
 */
public class ArticleService {

	private static final Logger log = LoggerFactory.getLogger(ArticleService.class);

	private final RestClient client;

	private final CircuitBreaker breaker;

	ArticleService(RestClient client, CircuitBreaker breaker) {
		this.client = client;
		this.breaker = breaker;
	}

	/** {@code GET /api/v1/articles?...}: a page of the person's work lists. */
	public JsonNode list(String query) {
		return get("/api/v1/articles?" + query);
	}

	/** {@code GET /api/v1/articles/search?...}: the person's work lists, by words. */
	public JsonNode search(String query) {
		return get("/api/v1/articles/search?" + query);
	}

	/** {@code GET /api/v1/articles/counts?...}: how many stories per status the person may see. */
	public JsonNode counts(String query) {
		return get("/api/v1/articles/counts" + (query.isEmpty() ? "" : "?" + query));
	}

	/** {@code GET /api/v1/articles/{id}}: the staff view with {@code revision} and {@code allowedActions}. */
	public JsonNode article(String id) {
		return get("/api/v1/articles/{id}", id);
	}

	/** {@code GET /api/v1/sections}: every section, top-level with their subsections. */
	public JsonNode sections() {
		return get("/api/v1/sections");
	}

	/** {@code POST /api/v1/articles}: a new draft owned by the person. */
	public JsonNode create(JsonNode input) {
		return call(() -> this.client.post()
			.uri("/api/v1/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.body(input)
			.retrieve()
			.body(JsonNode.class));
	}

	/**
	 * {@code PUT /api/v1/articles/{id}} with {@code If-Match}; {@code autosave} marks an automatic
	 * save, which the history folds into the same person's previous autosave.
	 */
	public JsonNode replace(String id, JsonNode input, long revision, boolean autosave) {
		return call(() -> this.client.put()
			.uri("/api/v1/articles/{id}?autosave={autosave}", id, autosave)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
			.body(input)
			.retrieve()
			.body(JsonNode.class));
	}

	/** A workflow action ({@code submit}, {@code reject}, {@code publish}, ...) with its body, if any. */
	public JsonNode act(String id, String action, JsonNode body) {
		return call(() -> {
			RestClient.RequestBodySpec request = this.client.post().uri("/api/v1/articles/{id}/{action}", id, action);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request.retrieve().body(JsonNode.class);
		});
	}

	/** {@code DELETE /api/v1/articles/{id}}. */
	public void delete(String id) {
		call(() -> this.client.delete().uri("/api/v1/articles/{id}", id).retrieve().toBodilessEntity());
	}

	/** The newest revisions, newest first. */
	public JsonNode revisions(String id) {
		return get("/api/v1/articles/{id}/revisions", id);
	}

	/** Changed fields and the block-level text diff between two revisions. */
	public JsonNode diff(String id, long from, long to) {
		return get("/api/v1/articles/{id}/revisions/diff?from={from}&to={to}", id, from, to);
	}

	/** Revision {@code n}'s content as a new revision, based on {@code revision}. */
	public JsonNode restore(String id, long n, long revision) {
		return call(() -> this.client.post()
			.uri("/api/v1/articles/{id}/revisions/{n}/restore", id, n)
			.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
			.retrieve()
			.body(JsonNode.class));
	}

	/** The article's live preview links, newest first. */
	public JsonNode previews(String id) {
		return get("/api/v1/articles/{id}/previews", id);
	}

	/** A new preview link: {@code {id, token, expiresAt, url, apiUrl}}. */
	public JsonNode createPreview(String id) {
		return call(() -> this.client.post().uri("/api/v1/articles/{id}/previews", id).retrieve().body(JsonNode.class));
	}

	/** Revokes a preview link: it stops working at once. */
	public void revokePreview(String id, String linkId) {
		call(() -> this.client.delete()
			.uri("/api/v1/articles/{id}/previews/{linkId}", id, linkId)
			.retrieve()
			.toBodilessEntity());
	}

	/** {@code GET /api/v1/tags?prefix=&limit=}: tags whose name has a word starting with the prefix. */
	public JsonNode tags(String prefix, int limit) {
		return get("/api/v1/tags?prefix={prefix}&limit={limit}", prefix, limit);
	}

	/** {@code GET /api/v1/authors?prefix=&limit=}: author profiles, as for tags. */
	public JsonNode authors(String prefix, int limit) {
		return get("/api/v1/authors?prefix={prefix}&limit={limit}", prefix, limit);
	}

	/** {@code GET /api/v1/authors/me}: the person's own author profile (a 404 refusal until made). */
	public JsonNode myAuthorProfile() {
		return get("/api/v1/authors/me");
	}

	/** {@code POST /api/v1/authors/me}: makes the person's profile from their token (or answers it). */
	public JsonNode createMyAuthorProfile() {
		return call(() -> this.client.post().uri("/api/v1/authors/me").retrieve().body(JsonNode.class));
	}

	/** {@code GET /api/v1/articles/{id}/agency}: the story's agency item (a 404 refusal when it has none). */
	public JsonNode agency(String id) {
		return get("/api/v1/articles/{id}/agency", id);
	}

	/** The agency's pending update becomes a new revision ({@code If-Match} the story's revision). */
	public JsonNode applyPendingUpdate(String id, long revision) {
		return call(() -> this.client.post()
			.uri("/api/v1/articles/{id}/agency/pending-update/apply", id)
			.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
			.retrieve()
			.body(JsonNode.class));
	}

	/** The agency's pending update is dropped; the story stays as it is. */
	public void discardPendingUpdate(String id, long revision) {
		call(() -> this.client.delete()
			.uri("/api/v1/articles/{id}/agency/pending-update", id)
			.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
			.retrieve()
			.toBodilessEntity());
	}

	/** {@code GET /api/v1/articles/{id}/translations}: {@code {id, translations: [{id, language, status, headline}]}}. */
	public JsonNode translations(String id) {
		return get("/api/v1/articles/{id}/translations", id);
	}

	/** {@code PUT /api/v1/articles/{id}/translations}: the story and these ids become one group. */
	public JsonNode linkTranslations(String id, JsonNode input, long revision) {
		return call(() -> this.client.put()
			.uri("/api/v1/articles/{id}/translations", id)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.IF_MATCH, "\"" + revision + "\"")
			.body(input)
			.retrieve()
			.body(JsonNode.class));
	}

	/**
	 * {@code POST /api/v1/articles/import}: pasted text ({@code text/plain}), one ninjs item or a
	 * JSON array ({@code application/ninjs+json}), or NDJSON ({@code application/x-ndjson}).
	 */
	public JsonNode importItems(String contentType, byte[] body) {
		return call(() -> this.client.post()
			.uri("/api/v1/articles/import")
			.contentType(MediaType.parseMediaType(contentType))
			.body(body)
			.retrieve()
			.body(JsonNode.class));
	}

	private JsonNode get(String uri, Object... variables) {
		return call(() -> this.client.get().uri(uri, variables).retrieve().body(JsonNode.class));
	}

	private JsonNode get(String uri) {
		return call(() -> this.client.get().uri(uri).retrieve().body(JsonNode.class));
	}

	/** A 4xx is this person's answer and never trips the breaker: it is returned through it, thrown after. */
	@SuppressWarnings("unchecked")
	private <T> T call(Supplier<T> call) {
		Object outcome = this.breaker.run(() -> {
			try {
				return (Object) call.get();
			}
			catch (RestClientResponseException ex) {
				if (ex.getStatusCode().is4xxClientError()) {
					return new Refused(ex.getStatusCode().value(), ex.getResponseBodyAsString());
				}
				throw ex;
			}
		}, failure -> {
			log.warn("article-service call failed: {}", failure.toString());
			throw new ServiceUnavailable("article-service", failure);
		});
		if (outcome instanceof Refused refused) {
			throw refused;
		}
		return (T) outcome;
	}

	/** The service refused this person's request (a 4xx): its problem+json body, for the page to show. */
	public static class Refused extends RuntimeException {

		private final int status;

		private final String problem;

		public Refused(int status, String problem) {
			super("refused with " + status);
			this.status = status;
			this.problem = problem;
		}

		public int status() {
			return this.status;
		}

		public String problem() {
			return this.problem;
		}

	}

}
