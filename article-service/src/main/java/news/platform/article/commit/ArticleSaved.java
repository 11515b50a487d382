package news.platform.article.commit;

import news.platform.article.story.Article;

/**
 * Published in-process after an article write has committed: revisions and the reader cache
 * follow from it. Listeners run on the writing thread, so the change is visible at once here.
 */
public record ArticleSaved(Article article, String action, boolean becamePublished) {

	public ArticleSaved(Article article, String action) {
		this(article, action, false);
	}

}
