package news.platform.article.search;

import java.util.function.LongSupplier;

import news.platform.article.agency.AgencyLists;
import news.platform.article.section.SectionChanged;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.follow.FeedCursor;
import news.platform.autoconfigure.feed.follow.FeedHandler;

/**
 * Keeps this replica's index current from the article event feed, whichever replica took the
 * write. Also the follower's cursor: the index remembers the last event it applied, committed with
 * its files, so after a restart or a crash it replays exactly what it had not yet made durable.
 */
final class SearchFeedHandler implements FeedHandler, FeedCursor {

	private final SearchIndexMaintenance maintenance;

	private final LuceneArticleIndex index;

	private final Runnable reloadSections;

	SearchFeedHandler(SearchIndexMaintenance maintenance, LuceneArticleIndex index, Runnable reloadSections) {
		this.maintenance = maintenance;
		this.index = index;
		this.reloadSections = reloadSections;
	}

	/**
	 * Applied to the index at once; readers see it after {@link #afterBatch()} (one refresh a batch).
	 * Article events (every type, {@code article.saved} included: staff lists hold unpublished work)
	 * and {@code agency.changed} (the agency lists it is on) bring their article up to date; {@code section.changed} with a new path re-reads the articles
	 * filed under the old one. Other types are skipped.
	 */
	@Override
	public void apply(FeedEvent event) {
		if (SectionChanged.EVENT.equals(event.type())) {
			this.reloadSections.run();
			String previousPath = event.data().string("previousPath");
			if (previousPath != null) {
				this.index.deferringRefresh(() -> this.maintenance.reindexSection(previousPath));
			}
			return;
		}
		if (event.subjectId() == null
				|| !(event.type().startsWith("article.") || AgencyLists.EVENT.equals(event.type()))) {
			return;
		}
		this.index.deferringRefresh(() -> this.maintenance.apply(event.type(), event.subjectId()));
	}

	@Override
	public void afterBatch() {
		this.index.refresh();
		// related-story lists computed while the batch was not yet visible go too
		this.maintenance.related().refreshed();
	}

	/**
	 * A fresh or rebuilt index has no position and starts at the head: the rebuild read MongoDB
	 * itself. A position past the head means the feed was reset (a new database): start over.
	 */
	@Override
	public long resume(LongSupplier head) {
		long position = this.index.feedPosition();
		if (position < 0) {
			return head.getAsLong();
		}
		long current = head.getAsLong();
		return position > current ? current : position;
	}

	@Override
	public void advance(long seq) {
		this.index.feedApplied(seq);
	}

	@Override
	public String toString() {
		return "the search index's own checkpoint";
	}

}
