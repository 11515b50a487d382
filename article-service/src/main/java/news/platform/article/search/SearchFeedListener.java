package news.platform.article.search;

import org.springframework.stereotype.Component;

import news.platform.article.feed.FeedEvent;
import news.platform.article.feed.FeedListener;

/**
 * Keeps this replica's index current from the article event feed, whichever replica took the
 * write. The index remembers the last event it applied (committed with its files), so after a
 * restart or a crash it replays exactly what it had not yet made durable.
 */
@Component
class SearchFeedListener implements FeedListener {

	private final SearchIndexMaintenance maintenance;

	private final LuceneArticleIndex index;

	SearchFeedListener(SearchIndexMaintenance maintenance, LuceneArticleIndex index) {
		this.maintenance = maintenance;
		this.index = index;
	}

	/** Applied to the index at once; readers see it after {@link #afterEvents()} (one refresh a batch). */
	@Override
	public void onEvent(FeedEvent event) {
		this.index.deferringRefresh(() -> this.maintenance.apply(event.type(), event.articleId()));
		this.index.feedApplied(event.seq());
	}

	@Override
	public void afterEvents() {
		this.index.refresh();
	}

	/**
	 * A fresh or rebuilt index has no position and starts at the head: the rebuild read MongoDB
	 * itself. A position past the head means the feed was reset (a new database): start over.
	 */
	@Override
	public long resumeAfter(long head) {
		long position = this.index.feedPosition();
		return position < 0 || position > head ? head : position;
	}

	@Override
	public String toString() {
		return "search index";
	}

}
