package news.platform.autoconfigure.feed.follow;

import java.util.function.LongSupplier;

/**
 * Where a follower resumes and how it remembers progress. Two kinds cover the platform:
 * {@link #fromHead()}, in memory, for a per-replica cache that needs only what happens from now on,
 * and {@link StoredFeedCursor}, in the consumer's own database, for a projection that must see
 * every event once across restarts. A read model with its own checkpoint (a search index that
 * commits its position with its files) implements this itself.
 */
public interface FeedCursor {

	/**
	 * The seq after which reading starts, asked once when the follower starts (and again after a
	 * failed start). {@code head} reads the feed's current head, only if called.
	 */
	long resume(LongSupplier head);

	/** {@code seq} was applied. */
	void advance(long seq);

	/** In memory, from the feed's head when the follower starts: for caches that start empty. */
	static FeedCursor fromHead() {
		return new FeedCursor() {

			@Override
			public long resume(LongSupplier head) {
				return head.getAsLong();
			}

			@Override
			public void advance(long seq) {
				// the follower keeps its position in memory
			}

			@Override
			public String toString() {
				return "in memory from the head";
			}

		};
	}

}
