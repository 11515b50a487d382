package news.platform.article.section;

/**
 * How many articles a section holds, answered from an in-process structure (the search index, which
 * holds every article that is not deleted), so deleting a section never scans the articles. The
 * search package implements it; this package only asks.
 */
public interface SectionUsage {

	/** Articles whose section is {@code path} (any status but deleted). */
	long articlesIn(String path);

}
