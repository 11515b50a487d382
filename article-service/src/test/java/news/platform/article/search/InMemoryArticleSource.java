package news.platform.article.search;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** Stands in for the MongoDB-backed source in plain unit tests; "unpublish" stands for deleted here. */
final class InMemoryArticleSource implements ArticleSource {

	private final Map<String, SearchDocument> published = new ConcurrentSkipListMap<>();

	void publish(SearchDocument document) {
		this.published.put(document.id(), document);
	}

	void unpublish(String id) {
		this.published.remove(id);
	}

	@Override
	public Stream<SearchDocument> all() {
		return this.published.values().stream();
	}

	@Override
	public Optional<SearchDocument> find(String articleId) {
		return Optional.ofNullable(this.published.get(articleId));
	}

}
