package news.platform.article.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The list and search index of every article that is not deleted. One implementation keeps a
 * Lucene index on each replica's disk; an OpenSearch cluster could implement the same interface
 * (see docs/search.md). What a query returns depends on who asks ({@link Viewer}): readers get only
 * published articles whose {@code visibleFrom} has passed; a journalist also their own unpublished
 * work; editors everything.
 */
public interface ArticleIndex {

	/** Adds or replaces the article; visible to {@link #list} and {@link #search} on return. */
	void upsert(SearchDocument document);

	/** Removes the article if present; gone from results on return. */
	void delete(String articleId);

	/** One page after {@code query.cursor()}, in the query's {@link Order}. */
	Page list(ListQuery query);

	/** By relevance (headline over standfirst over body, newer on ties), with snippets. */
	Page search(SearchQuery query);

	/** The articles with these ids the viewer may see, in the order asked (keys, no paging). */
	List<Hit> byIds(List<String> ids, Filters filters, Viewer viewer);

	/**
	 * How many articles the viewer may see per status ({@code DRAFT} … {@code UNPUBLISHED}) and how
	 * many are returned to their journalist ({@code returned}); only {@code owner}'s when given.
	 */
	Map<String, Long> counts(Viewer viewer, String owner);

	/**
	 * Published stories like {@code article} (Lucene's MoreLikeThis over its headline, standfirst
	 * and body, boosted by a shared section and shared tags), best first; never the article itself.
	 */
	List<Hit> related(SearchDocument article, int limit);

	/** Articles whose section is {@code path} or one of its subsections, any status. */
	List<String> idsInSection(String path);

	/**
	 * Replaces the whole content with {@code documents}; readers keep seeing the previous content
	 * until the new one is complete. Answers how many documents were indexed.
	 */
	long rebuild(Stream<SearchDocument> documents);

	/** Documents in the index, unpublished and embargoed ones included. */
	long count();

	/**
	 * A number that changes whenever the content that {@link #list} and {@link #search} answer
	 * from changes (every write, every rebuild), so a cache of their results knows when an entry
	 * is stale. Time alone also changes answers (an embargo ends): such a cache adds the clock.
	 */
	long version();

	/** Who asks: what the answer may hold. */
	record Viewer(boolean staff, boolean editor, String subject) {

		/** Anyone without a staff role: published articles past their embargo. */
		public static final Viewer READER = new Viewer(false, false, null);

		public static Viewer editor(String subject) {
			return new Viewer(true, true, subject);
		}

		public static Viewer journalist(String subject) {
			return new Viewer(true, false, subject);
		}

	}

	/** The order of a list: newest publication, newest change, or soonest scheduled time. */
	enum Order {

		PUBLISHED, UPDATED, SCHEDULED

	}

	/**
	 * Filters common to lists and search; null means no filter. {@code to} is exclusive. The staff
	 * filters: {@code statuses} (any of), {@code owner}, {@code updatedAfter}/{@code updatedBefore}
	 * (exclusive), {@code returned}, {@code agency} (the agency list an article is on:
	 * {@code pending-update} or {@code withdrawn}).
	 */
	record Filters(String section, String tag, String author, String language, Instant from, Instant to,
			Set<String> statuses, String owner, Instant updatedAfter, Instant updatedBefore, Boolean returned,
			Set<String> tagKeys, Set<String> authorIds, String agency) {

		public static final Filters NONE = new Filters(null, null, null, null, null, null);

		public Filters(String section, String tag, String author, String language, Instant from, Instant to) {
			this(section, tag, author, language, from, to, null, null, null, null, null);
		}

		public Filters(String section, String tag, String author, String language, Instant from, Instant to,
				Set<String> statuses, String owner, Instant updatedAfter, Instant updatedBefore, Boolean returned) {
			this(section, tag, author, language, from, to, statuses, owner, updatedAfter, updatedBefore, returned, null,
					null, null);
		}

		public Filters(String section, String tag, String author, String language, Instant from, Instant to,
				Set<String> statuses, String owner, Instant updatedAfter, Instant updatedBefore, Boolean returned,
				Set<String> tagKeys, Set<String> authorIds) {
			this(section, tag, author, language, from, to, statuses, owner, updatedAfter, updatedBefore, returned,
					tagKeys, authorIds, null);
		}

		/**
		 * The same filters with {@code tag} and {@code author} resolved: the index keys that lead to
		 * the tag named by slug (its id, tags merged into it, free text of older articles), the
		 * profile id of the author named by slug. {@code null} keeps the plain value's meaning.
		 */
		public Filters withKeys(Set<String> tagKeys, Set<String> authorIds) {
			return new Filters(this.section, this.tag, this.author, this.language, this.from, this.to, this.statuses,
					this.owner, this.updatedAfter, this.updatedBefore, this.returned, tagKeys, authorIds, this.agency);
		}

		/** The same filters with another language filter ({@code null}: none). */
		public Filters withLanguage(String language) {
			return new Filters(this.section, this.tag, this.author, language, this.from, this.to, this.statuses,
					this.owner, this.updatedAfter, this.updatedBefore, this.returned, this.tagKeys, this.authorIds,
					this.agency);
		}

	}

	record ListQuery(Filters filters, Order order, int limit, PageCursor cursor, Viewer viewer) {

		/** What readers ask: published articles, newest first. */
		public ListQuery(Filters filters, int limit, PageCursor cursor) {
			this(filters, Order.PUBLISHED, limit, cursor, Viewer.READER);
		}

	}

	record SearchQuery(String text, Filters filters, int limit, PageCursor cursor, Viewer viewer) {

		public SearchQuery(String text, Filters filters, int limit, PageCursor cursor) {
			this(text, filters, limit, cursor, Viewer.READER);
		}

	}

	/** One page; {@code next} is null on the last page. */
	record Page(List<Hit> items, PageCursor next) {

	}

	/**
	 * A list or search result, from the index alone. {@code highlights} maps a text field
	 * ({@code headline}, {@code standfirst}, {@code body}) to an HTML-escaped snippet with hits in
	 * {@code <mark>}; empty for lists. {@code publishedAt} is null for an article never published.
	 */
	record Hit(String id, String slug, String headline, String standfirst, String section, List<String> tags,
			List<SearchDocument.Author> authors, String language, Instant publishedAt, String heroMediaId,
			Map<String, String> highlights, String status, String ownerId, Instant updatedAt, Instant scheduledAt,
			boolean returned) {

		Hit withHighlights(Map<String, String> marked) {
			return new Hit(this.id, this.slug, this.headline, this.standfirst, this.section, this.tags, this.authors,
					this.language, this.publishedAt, this.heroMediaId, marked, this.status, this.ownerId,
					this.updatedAt, this.scheduledAt, this.returned);
		}

		boolean published() {
			return SearchDocument.PUBLISHED.equals(this.status);
		}

	}

}
