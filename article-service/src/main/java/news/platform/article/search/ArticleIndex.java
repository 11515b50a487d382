package news.platform.article.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The list and search index of published articles. One implementation keeps a Lucene index on
 * each replica's disk; an OpenSearch cluster could implement the same interface (see
 * docs/search.md). Results never include an article whose {@code visibleFrom} is after now.
 */
public interface ArticleIndex {

	/** Adds or replaces the article; visible to {@link #list} and {@link #search} on return. */
	void upsert(SearchDocument document);

	/** Removes the article if present; gone from results on return. */
	void delete(String articleId);

	/** Newest first (publishedAt, then id), one page after {@code query.cursor()}. */
	Page list(ListQuery query);

	/** By relevance (headline over standfirst over body, newer on ties), with snippets. */
	Page search(SearchQuery query);

	/**
	 * Replaces the whole content with {@code documents}; readers keep seeing the previous content
	 * until the new one is complete. Answers how many documents were indexed.
	 */
	long rebuild(Stream<SearchDocument> documents);

	/** Documents in the index, embargoed ones included. */
	long count();

	/**
	 * A number that changes whenever the content that {@link #list} and {@link #search} answer
	 * from changes (every write, every rebuild), so a cache of their results knows when an entry
	 * is stale. Time alone also changes answers (an embargo ends): such a cache adds the clock.
	 */
	long version();

	/** Filters common to lists and search; null means no filter. {@code to} is exclusive. */
	record Filters(String section, String tag, String author, String language, Instant from, Instant to) {

		public static final Filters NONE = new Filters(null, null, null, null, null, null);

	}

	record ListQuery(Filters filters, int limit, PageCursor cursor) {

	}

	record SearchQuery(String text, Filters filters, int limit, PageCursor cursor) {

	}

	/** One page; {@code next} is null on the last page. */
	record Page(List<Hit> items, PageCursor next) {

	}

	/**
	 * A list or search result, from the index alone. {@code highlights} maps a text field
	 * ({@code headline}, {@code standfirst}, {@code body}) to an HTML-escaped snippet with hits in
	 * {@code <mark>}; empty for lists.
	 */
	record Hit(String id, String slug, String headline, String standfirst, String section, List<String> tags,
			List<SearchDocument.Author> authors, String language, Instant publishedAt, String heroMediaId,
			Map<String, String> highlights) {

		Hit withHighlights(Map<String, String> marked) {
			return new Hit(this.id, this.slug, this.headline, this.standfirst, this.section, this.tags, this.authors,
					this.language, this.publishedAt, this.heroMediaId, marked);
		}

	}

}
