package news.platform.article.story;

/** Where an article is in the newsroom's workflow. {@code DELETED} is a tombstone, never shown. */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED, DELETED

}
