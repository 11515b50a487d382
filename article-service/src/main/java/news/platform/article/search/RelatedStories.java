package news.platform.article.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Related stories of a published article, from the index (Lucene's MoreLikeThis), kept until the
 * article or any story in its list changes. {@link SearchIndexMaintenance} calls
 * {@link #changed} after it applies a feed event to this replica's index, so a story that is
 * unpublished (a legal takedown) leaves every related box on every replica as soon as the index
 * knows. A minute's life bounds what an embargo ending (no event) can leave out.
 */
final class RelatedStories {

	static final int DEFAULT_LIMIT = 5;

	static final int MAX_LIMIT = 20;

	private final ArticleIndex index;

	private final Cache<Key, List<ArticleIndex.Hit>> cache = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	/** Moves on at every change, so a list computed across a change is not kept (see {@link #get}). */
	private final AtomicLong generation = new AtomicLong();

	RelatedStories(ArticleIndex index) {
		this.index = index;
	}

	private record Key(String id, int limit) {
	}

	/** Empty when the article is not one readers may see. */
	Optional<List<ArticleIndex.Hit>> get(String id, int limit, ArticleSource source) {
		Key key = new Key(id, limit);
		List<ArticleIndex.Hit> cached = this.cache.getIfPresent(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		long before = this.generation.get();
		Optional<SearchDocument> article = source.find(id).filter(RelatedStories::visibleToReaders);
		if (article.isEmpty()) {
			return Optional.empty();
		}
		List<ArticleIndex.Hit> related = this.index.related(article.get(), limit);
		// put first, then check: a change either sees this entry when it clears, or is seen here
		this.cache.put(key, related);
		if (this.generation.get() != before) {
			this.cache.invalidate(key);
		}
		return Optional.of(related);
	}

	/** Changed since the last refresh of the index's searcher (the feed follower refreshes per batch). */
	private final java.util.Set<String> sinceRefresh = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * The article changed in the index: its lists and every list showing it go now, and once more
	 * after the index's next refresh ({@link #refreshed}), since a list computed in between still
	 * read the index as it was.
	 */
	void written(String articleId) {
		this.sinceRefresh.add(articleId);
		changed(articleId);
	}

	/** The index's searcher now shows every write so far. */
	void refreshed() {
		for (String id : java.util.List.copyOf(this.sinceRefresh)) {
			this.sinceRefresh.remove(id);
			changed(id);
		}
	}

	/** The article changed in the index: its own lists and every list that shows it go. */
	void changed(String articleId) {
		this.generation.incrementAndGet();
		this.cache.asMap()
			.entrySet()
			.removeIf(entry -> entry.getKey().id().equals(articleId)
					|| entry.getValue().stream().anyMatch(hit -> hit.id().equals(articleId)));
	}

	/** Everything changed (a rebuild). */
	void clear() {
		this.generation.incrementAndGet();
		this.cache.invalidateAll();
	}

	private static boolean visibleToReaders(SearchDocument document) {
		return document.visibleFrom() != null && !document.visibleFrom().isAfter(java.time.Instant.now());
	}

}
