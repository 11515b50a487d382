package news.platform.autoconfigure.feed.follow;

import news.platform.autoconfigure.feed.FeedEvent;

/**
 * What a follower does with each event, called in seq order, one event at a time, never twice in
 * a row for the same seq unless the previous call failed. A handler that throws is called again
 * with the same event after a pause, and nothing after it is applied first, so no event is skipped
 * or applied out of order. Handlers ignore event types they do not know.
 */
@FunctionalInterface
public interface FeedHandler {

	void apply(FeedEvent event);

	/** After the events of one read were applied: a place to make them visible at once (a refresh). */
	default void afterBatch() {
	}

}
