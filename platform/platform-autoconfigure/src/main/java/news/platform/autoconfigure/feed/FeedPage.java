package news.platform.autoconfigure.feed;

import java.util.List;

/**
 * Events after a seq, in seq order and without gaps, and where to continue: the last seq in the
 * page, or the {@code after} asked for when the page is empty.
 */
public record FeedPage(List<FeedEvent> events, long next) {

	public FeedPage {
		events = List.copyOf(events);
	}

}
