package news.platform.article.search;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;

/**
 * The search index's view of the {@code articles} collection: every article that is not deleted,
 * its section as the section's path now (so a list filters by the path a section has today, and a
 * free-text section of an older article by the section it maps to).
 */
@Component
class SearchSource implements ArticleSource {

	private final Articles articles;

	private final SectionDirectory sections;

	SearchSource(Articles articles, SectionDirectory sections) {
		this.articles = articles;
		this.sections = sections;
	}

	@Override
	public Stream<SearchDocument> all() {
		return this.articles.allLive().map(this::document);
	}

	@Override
	public Optional<SearchDocument> find(String articleId) {
		return this.articles.find(articleId)
			.filter(article -> article.status() != ArticleStatus.DELETED)
			.map(this::document);
	}

	SearchDocument document(Article a) {
		boolean published = a.status() == ArticleStatus.PUBLISHED;
		Instant visibleFrom = !published ? null
				: a.embargoUntil() != null && a.embargoUntil().isAfter(a.publishedAt()) ? a.embargoUntil()
						: a.publishedAt();
		return new SearchDocument(a.id(), a.slug(), a.language(), a.headline(), a.standfirst(), a.bodyText(),
				this.sections.display(a.section()), a.tags(),
				a.authors()
					.stream()
					// a profile by its id (its name is read when a list is rendered); free text of older articles by name
					.map(ref -> org.bson.types.ObjectId.isValid(ref) ? new SearchDocument.Author(ref, null)
							: new SearchDocument.Author(null, ref))
					.toList(),
				a.heroMediaId(),
				a.publishedAt(), a.updatedAt(), visibleFrom, a.status().name(), a.ownerId(), a.scheduledAt(),
				a.returned());
	}

}
