package news.platform.article.tag;

import java.util.Set;

/**
 * Whether readers can see an article naming a tag, answered from an in-process structure (the
 * search index), never by scanning the articles. The search package implements it.
 */
public interface TagUsage {

	/** True if a published article past its embargo carries one of these index keys ({@link TagDirectory#filterKeys}). */
	boolean visibleWithTag(Set<String> keys);

}
