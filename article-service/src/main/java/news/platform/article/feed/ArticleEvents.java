package news.platform.article.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.Document;

import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;

/**
 * The article feed's vocabulary: which events a write causes, derived from the article before and
 * after it, and the {@code data} they carry (what consumers need without a second call). The write
 * path stages them through the {@code articles} {@link news.platform.autoconfigure.feed.publish.FeedPublisher}.
 */
public final class ArticleEvents {

	/** The feed's name in its URL ({@code /internal/v1/articles/events}). */
	public static final String FEED = "articles";

	/** Version 1: reader events only; the data below, times as ISO-8601 strings. */
	public static final int SCHEMA_VERSION = 1;

	public static final String PUBLISHED = "article.published";

	public static final String UPDATED = "article.updated";

	public static final String UNPUBLISHED = "article.unpublished";

	public static final String DELETED = "article.deleted";

	public static final String COMMENTS_CHANGED = "article.comments-changed";

	private ArticleEvents() {
	}

	/** Only what readers could see is ever announced: drafts, reviews and embargoed schedules stay silent. */
	public static List<String> types(Article before, Article after) {
		boolean wasPublic = before != null && before.status() == ArticleStatus.PUBLISHED;
		boolean isPublic = after.status() == ArticleStatus.PUBLISHED;
		List<String> types = new ArrayList<>();
		if (after.status() == ArticleStatus.DELETED) {
			if (before != null && before.firstPublishedAt() != null) {
				types.add(DELETED);
			}
		}
		else if (isPublic && !wasPublic) {
			types.add(PUBLISHED);
		}
		else if (wasPublic && !isPublic) {
			types.add(UNPUBLISHED);
		}
		else if (isPublic) {
			if (contentChanged(before, after)) {
				types.add(UPDATED);
			}
			if (before.commentsOpen() != after.commentsOpen()
					|| !Objects.equals(before.commentsCloseAt(), after.commentsCloseAt())) {
				types.add(COMMENTS_CHANGED);
			}
		}
		return types;
	}

	private static boolean contentChanged(Article before, Article after) {
		return !Objects.equals(before.slug(), after.slug()) || !Objects.equals(before.headline(), after.headline())
				|| !Objects.equals(before.standfirst(), after.standfirst()) || !before.body().equals(after.body())
				|| !before.authors().equals(after.authors()) || !Objects.equals(before.section(), after.section())
				|| !before.tags().equals(after.tags()) || !Objects.equals(before.source(), after.source())
				|| !Objects.equals(before.heroMediaId(), after.heroMediaId())
				|| !Objects.equals(before.language(), after.language())
				|| !before.corrections().equals(after.corrections());
	}

	/**
	 * The {@code data} of every event about {@code a}. Times are ISO-8601 strings, stored as such, so
	 * the feed serves them exactly as consumers have always read them.
	 */
	public static Document data(Article a) {
		return new Document("slug", a.slug()).append("status", a.status().name())
			.append("section", a.section())
			.append("language", a.language())
			.append("publishedAt", iso(a.publishedAt()))
			.append("firstPublishedAt", iso(a.firstPublishedAt()))
			.append("commentsOpen", a.commentsOpen())
			.append("commentsCloseAt", iso(a.commentsCloseAt()))
			.append("heroMediaId", a.heroMediaId())
			.append("mediaIds", a.mediaIds());
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
