package news.platform.media.library;

import java.util.Set;
import java.util.function.LongSupplier;

import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.follow.FeedCursor;
import news.platform.autoconfigure.feed.follow.FeedHandler;
import news.platform.media.item.MediaEvents;

/**
 * Keeps this replica's index current from media's own feed, whichever replica took the write.
 * Also the follower's cursor: the index remembers the last event it applied, committed with its
 * files, so after a restart it replays exactly what it had not yet made durable.
 */
final class LibraryFeedHandler implements FeedHandler, FeedCursor {

	static final Set<String> TYPES = Set.of(MediaEvents.CREATED, MediaEvents.UPDATED, MediaEvents.DELETED,
			MediaEvents.USAGE_CHANGED);

	private final LibraryMaintenance maintenance;

	private final LibraryIndex index;

	LibraryFeedHandler(LibraryMaintenance maintenance, LibraryIndex index) {
		this.maintenance = maintenance;
		this.index = index;
	}

	/** Applied at once; readers see it after {@link #afterBatch()} (one refresh a batch). Unknown types are skipped. */
	@Override
	public void apply(FeedEvent event) {
		if (TYPES.contains(event.type())) {
			this.index.deferringRefresh(() -> this.maintenance.apply(event.type(), event.subjectId()));
		}
	}

	@Override
	public void afterBatch() {
		this.index.refresh();
	}

	/**
	 * A fresh or rebuilt index has no position and starts at the head: the rebuild read MongoDB
	 * itself. A position past the head means the feed was reset (a new database): start over.
	 */
	@Override
	public long resume(LongSupplier head) {
		long position = this.index.feedPosition();
		long current = head.getAsLong();
		if (position < 0) {
			return current;
		}
		return Math.min(position, current);
	}

	@Override
	public void advance(long seq) {
		this.index.feedApplied(seq);
	}

	@Override
	public String toString() {
		return "the photo library index's own checkpoint";
	}

}
