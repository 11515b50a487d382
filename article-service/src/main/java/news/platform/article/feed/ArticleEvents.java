package news.platform.article.feed;

import java.net.URI;
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
 *
 * <p>Schema version 2 (docs/adr/0008-feed-schema-version-2.md): the reader events of version 1,
 * unchanged in meaning, plus {@code article.saved} for every write of an article readers cannot see
 * (staff followers: lists on other replicas, media usage), and {@code section.changed} from the
 * {@code sections} collection (package {@code section}). Consumers skip types they do not know.
 */
public final class ArticleEvents {

	/** The feed's name in its URL ({@code /internal/v1/articles/events}). */
	public static final String FEED = "articles";

	/** Version 2: reader events, staff events and taxonomy events; times as ISO-8601 strings. */
	public static final int SCHEMA_VERSION = 2;

	public static final String PUBLISHED = "article.published";

	public static final String UPDATED = "article.updated";

	public static final String UNPUBLISHED = "article.unpublished";

	public static final String DELETED = "article.deleted";

	public static final String COMMENTS_CHANGED = "article.comments-changed";

	/** A write of an article readers cannot see (draft, in review, scheduled, unpublished, deleted). */
	public static final String SAVED = "article.saved";

	private ArticleEvents() {
	}

	/**
	 * Reader events announce only what readers could see; every write that leaves the article out
	 * of readers' sight is {@code article.saved} as well, so staff lists on every replica follow it.
	 * An article deleted before it was ever published is {@code article.saved} with status
	 * {@code DELETED} (readers never knew it).
	 */
	public static List<String> types(Article before, Article after) {
		boolean wasPublic = before != null && before.status() == ArticleStatus.PUBLISHED;
		boolean isPublic = after.status() == ArticleStatus.PUBLISHED;
		List<String> types = new ArrayList<>();
		if (after.status() == ArticleStatus.DELETED) {
			types.add(before != null && before.firstPublishedAt() != null ? DELETED : SAVED);
		}
		else if (isPublic && !wasPublic) {
			types.add(PUBLISHED);
		}
		else if (wasPublic && !isPublic) {
			types.add(UNPUBLISHED);
			types.add(SAVED);
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
		else {
			types.add(SAVED);
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
	 * The {@code data} of a reader event about {@code a}. Times are ISO-8601 strings, stored as such,
	 * so the feed serves them exactly as consumers have always read them.
	 * @param section the article's section path now (older free-text sections mapped)
	 * @param url its public URL, or {@code null}
	 */
	public static Document data(Article a, String section, URI url) {
		return new Document("slug", a.slug()).append("status", a.status().name())
			.append("section", section)
			.append("language", a.language())
			.append("publishedAt", iso(a.publishedAt()))
			.append("firstPublishedAt", iso(a.firstPublishedAt()))
			.append("commentsOpen", a.commentsOpen())
			.append("commentsCloseAt", iso(a.commentsCloseAt()))
			.append("heroMediaId", a.heroMediaId())
			.append("mediaIds", a.mediaIds())
			.append("url", url == null ? null : url.toString());
	}

	/**
	 * The {@code data} of {@code article.saved}: what staff lists and media usage follow, never the
	 * text (a draft's words stay in this service). The write path ({@code ArticleCommits}) replaces
	 * {@code tags} and {@code authors} with their current slugs, as it adds them to reader events.
	 */
	public static Document savedData(Article a, String section) {
		return new Document("slug", a.slug()).append("status", a.status().name())
			.append("owner", a.ownerId())
			.append("section", section)
			.append("tags", a.tags())
			.append("authors", a.authors())
			.append("language", a.language())
			.append("heroMediaId", a.heroMediaId())
			.append("mediaIds", a.mediaIds())
			.append("updatedAt", iso(a.updatedAt()))
			.append("scheduledAt", iso(a.scheduledAt()))
			.append("returned", a.returned());
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
