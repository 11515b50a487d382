package news.platform.autoconfigure.feed;

/**
 * Where a follower reads a feed: the producing service over HTTP ({@code follow.HttpFeedSource},
 * with a {@code service} token), or the producer's own event log in-process (a service following
 * its own feed to keep every replica's caches current).
 */
public interface FeedSource {

	/**
	 * Events {@code after+1 … after+limit} that exist, in order, stopping before the first gap.
	 *
	 * @throws FeedUnavailableException when the feed cannot be read now
	 */
	FeedPage read(long after, int limit);

	/**
	 * The highest seq in the feed (0 when empty): where a follower without a stored position starts.
	 *
	 * @throws FeedUnavailableException when the feed cannot be read now
	 */
	long head();

}
