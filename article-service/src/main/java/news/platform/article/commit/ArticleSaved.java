package news.platform.article.commit;

import news.platform.article.story.Article;

/**
 * Published in-process after an article write has committed: revisions and the reader cache
 * follow from it. Listeners run on the writing thread, so the change is visible at once here.
 *
 * @param note what the revision history shows beside the action (a return's reason, the revision
 * a restore came from), or {@code null}
 */
public record ArticleSaved(Article article, String action, boolean becamePublished, String note) {

	public ArticleSaved(Article article, String action) {
		this(article, action, false, null);
	}

	public ArticleSaved(Article article, String action, boolean becamePublished) {
		this(article, action, becamePublished, null);
	}

}
