package news.platform.article.editing;

import java.time.Instant;
import java.util.List;

import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Block;
import news.platform.article.story.Correction;

/** The full article as staff see it, drafts included; {@code revision} is the version for If-Match. */
public record StaffArticleView(String id, String slug, List<String> previousSlugs, String language,
		String headline, String standfirst, List<Block> body, List<String> authors, String section,
		List<String> tags, String source, String heroMediaId, boolean commentsOpen, Instant commentsCloseAt,
		ArticleStatus status, String ownerId, Instant createdAt, Instant updatedAt, Instant firstPublishedAt,
		Instant publishedAt, Instant scheduledAt, Instant embargoUntil, long revision, int wordCount,
		int readingMinutes, List<Correction> corrections, String updatedBy) {

	public static StaffArticleView of(Article a) {
		return new StaffArticleView(a.id(), a.slug(), a.previousSlugs(), a.language(), a.headline(), a.standfirst(),
				a.body(), a.authors(), a.section(), a.tags(), a.source(), a.heroMediaId(), a.commentsOpen(),
				a.commentsCloseAt(), a.status(), a.ownerId(), a.createdAt(), a.updatedAt(), a.firstPublishedAt(),
				a.publishedAt(), a.scheduledAt(), a.embargoUntil(), a.revision(), a.wordCount(), a.readingMinutes(),
				a.corrections(), a.updatedBy());
	}

}
