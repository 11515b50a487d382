package news.platform.article.author;

/**
 * Whether readers can see an article naming an author, answered from the search index, never by
 * scanning the articles. The search package implements it.
 */
public interface AuthorUsage {

	/** True if a published article past its embargo names the author with this id. */
	boolean visibleWithAuthor(String authorId);

}
