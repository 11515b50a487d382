package news.platform.comment.articlestate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;

/**
 * What comment-service knows about one article: enough to decide whether it takes comments.
 * {@code seq} is the feed event it came from (0 when it came from the state endpoint), so an older
 * event never overwrites a newer one.
 */
public record ArticleState(String articleId, boolean exists, boolean published, boolean commentsOpen,
		Instant commentsCloseAt, String section, Instant firstPublishedAt, long seq, String source,
		Instant updatedAt) {

	public enum Verdict {

		OPEN, UNKNOWN, NOT_PUBLISHED, CLOSED

	}

	/** Whether a comment is accepted now; {@code closeAfter} is the section's auto-close delay, or null. */
	public Verdict verdict(Instant now, Duration closeAfter) {
		if (!this.exists) {
			return Verdict.UNKNOWN;
		}
		if (!this.published) {
			return Verdict.NOT_PUBLISHED;
		}
		if (!this.commentsOpen || (this.commentsCloseAt != null && !now.isBefore(this.commentsCloseAt))) {
			return Verdict.CLOSED;
		}
		if (closeAfter != null && this.firstPublishedAt != null && !now.isBefore(this.firstPublishedAt.plus(closeAfter))) {
			return Verdict.CLOSED;
		}
		return Verdict.OPEN;
	}

	/**
	 * The state an article feed event says: deleted articles no longer exist; an article is
	 * published while its status says so, unless the event withdraws it; an event without
	 * {@code firstPublishedAt} (older producers) counts from {@code publishedAt}.
	 */
	static ArticleState fromFeed(FeedEvent event, Instant now) {
		FeedData data = event.data() != null ? event.data() : FeedData.empty();
		boolean deleted = "article.deleted".equals(event.type());
		boolean published = !deleted && "PUBLISHED".equals(data.string("status"))
				&& !"article.unpublished".equals(event.type());
		Instant firstPublishedAt = data.instant("firstPublishedAt") != null ? data.instant("firstPublishedAt")
				: data.instant("publishedAt");
		return new ArticleState(event.subjectId(), !deleted, published, data.bool("commentsOpen"),
				data.instant("commentsCloseAt"), data.string("section"), firstPublishedAt, event.seq(), "feed", now);
	}

	Document toDocument() {
		return new Document("_id", this.articleId).append("exists", this.exists)
			.append("published", this.published)
			.append("commentsOpen", this.commentsOpen)
			.append("commentsCloseAt", date(this.commentsCloseAt))
			.append("section", this.section)
			.append("firstPublishedAt", date(this.firstPublishedAt))
			.append("seq", this.seq)
			.append("source", this.source)
			.append("updatedAt", date(this.updatedAt));
	}

	static ArticleState from(Document document) {
		return new ArticleState(document.getString("_id"), document.getBoolean("exists", false),
				document.getBoolean("published", false), document.getBoolean("commentsOpen", false),
				instant(document.getDate("commentsCloseAt")), document.getString("section"),
				instant(document.getDate("firstPublishedAt")), document.get("seq", Number.class).longValue(),
				document.getString("source"), instant(document.getDate("updatedAt")));
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
