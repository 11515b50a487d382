package news.platform.article.search;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;

/** The search index's view of the {@code articles} collection: published articles only. */
@Component
class SearchSource implements ArticleSource {

	private final Articles articles;

	SearchSource(Articles articles) {
		this.articles = articles;
	}

	@Override
	public Stream<SearchDocument> allVisible() {
		return this.articles.allPublished().map(SearchSource::document);
	}

	@Override
	public Optional<SearchDocument> visible(String articleId) {
		return this.articles.find(articleId)
			.filter(article -> article.status() == ArticleStatus.PUBLISHED)
			.map(SearchSource::document);
	}

	static SearchDocument document(Article a) {
		Instant visibleFrom = a.embargoUntil() != null && a.embargoUntil().isAfter(a.publishedAt())
				? a.embargoUntil() : a.publishedAt();
		return new SearchDocument(a.id(), a.slug(), a.language(), a.headline(), a.standfirst(), a.bodyText(),
				a.section(), a.tags(), a.authors().stream().map(name -> new SearchDocument.Author(null, name)).toList(),
				a.heroMediaId(), a.publishedAt(), a.updatedAt(), visibleFrom);
	}

}
