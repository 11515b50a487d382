package news.platform.article.search;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the search index reads articles from: the system of record (MongoDB), implemented by
 * {@link SearchSource} over the {@code articles} store. The index is derived data and can always be
 * rebuilt from here.
 */
public interface ArticleSource {

	/**
	 * Every published article, including those still under embargo (their {@code visibleFrom}
	 * is in the future). A batch scan, used only to rebuild the index; the caller closes the
	 * stream.
	 */
	Stream<SearchDocument> allVisible();

	/** The article as the index should hold it, or empty when it is not published (or gone). */
	Optional<SearchDocument> visible(String articleId);

}
