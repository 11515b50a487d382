package news.platform.article.editing;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import news.platform.article.naming.Label;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Block;
import news.platform.article.story.Correction;
import news.platform.article.story.ReturnNote;

/**
 * The full article as staff see it, drafts included; {@code revision} is the version for If-Match.
 * {@code allowedActions} lists what the caller may do now (edit, submit, return, publish, schedule,
 * unschedule, unpublish, correct, delete, restore, preview), from the rules that enforce them;
 * {@code returnNote} is the editor's reason while a returned story waits for its journalist;
 * {@code url} is the public URL once readers can see it. {@code tags} and {@code authors} are what
 * the article names, resolved now: {@code {id, slug, name, url}} (a free-text author name of an
 * older article: {@code {name}} only); send ids or slugs back when editing.
 */
public record StaffArticleView(String id, String slug, List<String> previousSlugs, String language,
		String headline, String standfirst, List<Block> body, List<Label> authors, String section,
		List<Label> tags, String source, String heroMediaId, boolean commentsOpen, Instant commentsCloseAt,
		ArticleStatus status, String ownerId, Instant createdAt, Instant updatedAt, Instant firstPublishedAt,
		Instant publishedAt, Instant scheduledAt, Instant embargoUntil, long revision, int wordCount,
		int readingMinutes, List<Correction> corrections, String updatedBy, ReturnNote returnNote, boolean returned,
		URI url, List<String> allowedActions) {

	public static StaffArticleView of(Article a, List<Label> authors, List<Label> tags, String section, URI url,
			List<String> allowedActions) {
		return new StaffArticleView(a.id(), a.slug(), a.previousSlugs(), a.language(), a.headline(), a.standfirst(),
				a.body(), authors, section, tags, a.source(), a.heroMediaId(), a.commentsOpen(),
				a.commentsCloseAt(), a.status(), a.ownerId(), a.createdAt(), a.updatedAt(), a.firstPublishedAt(),
				a.publishedAt(), a.scheduledAt(), a.embargoUntil(), a.revision(), a.wordCount(), a.readingMinutes(),
				a.corrections(), a.updatedBy(), a.returnNote(), a.returned(), url, List.copyOf(allowedActions));
	}

}
