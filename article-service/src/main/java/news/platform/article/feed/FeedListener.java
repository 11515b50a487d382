package news.platform.article.feed;

/**
 * In-process consumer of the event feed: every bean implementing it gets each event in seq order,
 * within a poll interval of the relay moving it (the reader cache, the search index).
 */
public interface FeedListener {

	void onEvent(FeedEvent event);

	/**
	 * Where this listener resumes at start-up, given the feed's current head. The default takes
	 * only new events; a listener with its own checkpoint returns it to catch up.
	 */
	default long resumeAfter(long head) {
		return head;
	}

}
