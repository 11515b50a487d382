package news.platform.article.feed;

/**
 * In-process consumer of the event feed: every bean implementing it gets each event in seq order,
 * within a poll interval of the relay moving it (the reader cache, the search index).
 */
public interface FeedListener {

	void onEvent(FeedEvent event);

	/**
	 * After a poll has handed this listener its events: work a listener defers per event (the
	 * search index's refresh) is done once here, so a feed catching up thousands of events does
	 * not pay it thousands of times. Not called when a poll brought nothing new.
	 */
	default void afterEvents() {
	}

	/**
	 * Where this listener resumes at start-up, given the feed's current head. The default takes
	 * only new events; a listener with its own checkpoint returns it to catch up.
	 */
	default long resumeAfter(long head) {
		return head;
	}

}
