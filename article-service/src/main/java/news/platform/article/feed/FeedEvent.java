package news.platform.article.feed;

import java.time.Instant;
import java.util.List;

/**
 * One event of the article feed, as consumers read it. {@code schemaVersion} lets consumers
 * deployed at another pace tell shapes apart; new fields are only ever added.
 */
public record FeedEvent(long seq, String type, int schemaVersion, Instant occurredAt, String articleId,
		Data data) {

	/** What consumers need without a second call. */
	public record Data(String slug, String status, String section, String language, Instant publishedAt,
			Instant firstPublishedAt, boolean commentsOpen, Instant commentsCloseAt, String heroMediaId,
			List<String> mediaIds) {
	}

}
