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
	 * Every article that is not deleted, in any status (readers' queries keep to the published ones
	 * past their embargo). A batch scan, used only to rebuild the index; the caller closes the
	 * stream.
	 */
	Stream<SearchDocument> all();

	/** The article as the index should hold it, or empty when it is deleted (or never existed). */
	Optional<SearchDocument> find(String articleId);

}
