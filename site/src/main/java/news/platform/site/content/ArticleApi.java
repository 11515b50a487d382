package news.platform.site.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * article-service's public reader API, anonymously: what any reader may see (published and past
 * its embargo), never a staff view.
 */
public final class ArticleApi {

	private static final String ARTICLES = "/api/v1/articles";

	private final Upstream upstream;

	ArticleApi(Upstream upstream) {
		this.upstream = upstream;
	}

	/** What the service says about a public path. */
	public sealed interface Lookup {

		record Found(Article article) implements Lookup {
		}

		/** An old slug or another section: the story's page is now at {@code path}. */
		record Moved(String path) implements Lookup {
		}

		/** A story that was published and is now unpublished or deleted. */
		record Gone() implements Lookup {
		}

		/** No published story at this path (a draft, an unknown slug): the same answer for both. */
		record Missing() implements Lookup {
		}

	}

	/**
	 * The published story at a public path ({@code GET /api/v1/articles/by-path?path=}, issue 15):
	 * found, moved (301 to the canonical path), gone (410: published once, withdrawn since) or missing
	 * (404, drafts included).
	 */
	public Lookup byPath(String path) {
		if (path == null || path.length() > 400 || !path.matches("/[a-z0-9/-]*")) {
			return new Lookup.Missing();
		}
		Upstream.Reply reply = this.upstream.get(ARTICLES + "/by-path?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
		if (reply.ok() && reply.body() != null) {
			return new Lookup.Found(Readers.article(reply.body()));
		}
		if (reply.status() == 301) {
			String target = reply.body() == null ? null : Json.text(reply.body(), "path");
			return target != null && target.matches("/[a-z0-9/-]{1,400}") ? new Lookup.Moved(target)
					: new Lookup.Missing();
		}
		if (reply.status() == 410) {
			return new Lookup.Gone();
		}
		return new Lookup.Missing();
	}

	/**
	 * A draft through a newsroom preview link ({@code GET /api/v1/articles/preview?token=}): the token
	 * is the only key; never cached, by the service or by the site.
	 */
	public Optional<Article> preview(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_.~-]{16,200}")) {
			return Optional.empty();
		}
		Upstream.Reply reply = this.upstream.get(ARTICLES + "/preview?token=" + token);
		return reply.ok() && reply.body() != null ? Optional.of(Readers.article(reply.body())) : Optional.empty();
	}

	/** The published story with this id, if there is one. */
	public Optional<Article> byId(String id) {
		if (id == null || !CommentApi.ARTICLE_ID.matcher(id).matches()) {
			return Optional.empty();
		}
		Upstream.Reply reply = this.upstream.get(ARTICLES + "/" + id);
		return reply.ok() && reply.body() != null ? Optional.of(Readers.article(reply.body())) : Optional.empty();
	}

	/**
	 * Related stories of a published story ({@code GET /api/v1/articles/{id}/related}, from
	 * article-service's search index), best first; none when the service has none or does not answer
	 * (the page shows no related box rather than no page).
	 */
	public List<Teaser> related(String id, int limit) {
		if (limit < 1 || id == null || !CommentApi.ARTICLE_ID.matcher(id).matches()) {
			return List.of();
		}
		Upstream.Reply reply = this.upstream.get(ARTICLES + "/" + id + "/related?limit=" + Math.min(limit, 20));
		return reply.ok() && reply.body() != null ? page(reply.body()).items() : List.of();
	}

	/**
	 * A list filter ({@code GET /api/v1/articles}): newest first, every filter optional.
	 *
	 * @param to exclusive upper bound of the publication time
	 */
	public record ListQuery(String section, String tag, String author, Instant from, Instant to, int limit) {

		public static ListQuery latest(int limit) {
			return new ListQuery(null, null, null, null, null, limit);
		}

		public ListQuery before(Instant instant) {
			return new ListQuery(this.section, this.tag, this.author, this.from, instant, this.limit);
		}

	}

	public TeaserPage list(ListQuery query) {
		return list(query, null);
	}

	/** A list page after {@code cursor} (the service's own {@code nextCursor}; null for the first page). */
	public TeaserPage list(ListQuery query, String cursor) {
		StringBuilder url = new StringBuilder(ARTICLES).append("?limit=").append(Math.min(50, Math.max(1, query.limit())));
		parameter(url, "section", query.section());
		parameter(url, "tag", query.tag());
		parameter(url, "author", query.author());
		if (query.from() != null) {
			parameter(url, "from", query.from().toString());
		}
		if (query.to() != null) {
			parameter(url, "to", query.to().toString());
		}
		parameter(url, "cursor", cursor);
		Upstream.Reply reply = this.upstream.get(url.toString());
		if (!reply.ok()) {
			// a filter value the service refuses lists nothing
			return TeaserPage.empty();
		}
		return page(reply.body());
	}

	/** A search refused by the service (a malformed cursor, a query it cannot read). */
	public static final class RefusedQuery extends RuntimeException {

		public RefusedQuery(String message) {
			super(message);
		}

	}

	/**
	 * Full-text search ({@code GET /api/v1/articles/search}), by relevance, with highlighted
	 * snippets; {@code cursor} is the service's own, passed through.
	 */
	public TeaserPage search(String q, String cursor, int limit) {
		StringBuilder url = new StringBuilder(ARTICLES).append("/search?limit=").append(limit);
		parameter(url, "q", q);
		parameter(url, "cursor", cursor);
		Upstream.Reply reply = this.upstream.get(url.toString());
		if (reply.status() == 400 || reply.status() == 422) {
			throw new RefusedQuery("the search service refused the query (" + reply.status() + ")");
		}
		if (!reply.ok()) {
			return TeaserPage.empty();
		}
		return page(reply.body());
	}

	/**
	 * The sections ({@code GET /api/v1/sections}, issue 15), or empty while the service has no
	 * such endpoint.
	 */
	public Optional<List<Section>> sections() {
		Upstream.Reply reply = this.upstream.get("/api/v1/sections");
		if (!reply.ok() || reply.body() == null) {
			return Optional.empty();
		}
		List<Section> sections = new ArrayList<>();
		for (JsonNode node : Json.items(reply.body(), "sections", "items")) {
			collect(node, sections);
		}
		return Optional.of(List.copyOf(sections));
	}

	/** A section and its subsections (the list nests them under {@code children}). */
	private static void collect(JsonNode node, List<Section> sections) {
		Section section = Readers.sectionOf(node);
		if (section != null) {
			sections.add(section);
			for (JsonNode child : Json.array(node, "children")) {
				collect(child, sections);
			}
		}
	}

	private static TeaserPage page(JsonNode body) {
		List<Teaser> items = new ArrayList<>();
		for (JsonNode item : Json.items(body, "items")) {
			Teaser teaser = Readers.teaser(item);
			if (teaser.id() != null && teaser.slug() != null && teaser.headline() != null) {
				items.add(teaser);
			}
		}
		return new TeaserPage(List.copyOf(items), Json.text(body, "nextCursor"));
	}

	private static void parameter(StringBuilder url, String name, String value) {
		if (value != null) {
			url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

}
