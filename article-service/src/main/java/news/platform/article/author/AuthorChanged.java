package news.platform.article.author;

/**
 * Published in-process after an author write on this replica (other replicas learn it from the
 * {@code author.changed} feed event): the reader cache drops the answers of articles naming the
 * author, and the list caches move on with {@link AuthorDirectory#version()}.
 */
public record AuthorChanged(String id) {

	/** The feed event announcing an author created or changed (subject {@code null}). */
	public static final String EVENT = "author.changed";

}
