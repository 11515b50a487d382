package news.platform.article.search;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import news.platform.article.agency.AgencyLists;
import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;

/**
 * The search index's view of the {@code articles} collection: every article that is not deleted,
 * its section as the section's path now (so a list filters by the path a section has today, and a
 * free-text section of an older article by the section it maps to), and the staff lists its agency
 * state puts it on ({@code agency_items}, by key; all at once for a rebuild).
 */
@Component
class SearchSource implements ArticleSource {

	private final Articles articles;

	private final SectionDirectory sections;

	private final AgencyLists agency;

	SearchSource(Articles articles, SectionDirectory sections, AgencyLists agency) {
		this.articles = articles;
		this.sections = sections;
		this.agency = agency;
	}

	@Override
	public Stream<SearchDocument> all() {
		Map<String, Set<String>> listed = this.agency.all();
		return this.articles.allLive().map(a -> document(a, listed.getOrDefault(a.id(), Set.of())));
	}

	@Override
	public Optional<SearchDocument> find(String articleId) {
		return this.articles.find(articleId)
			.filter(article -> article.status() != ArticleStatus.DELETED)
			.map(article -> document(article, this.agency.of(article.id())));
	}

	SearchDocument document(Article a, Set<String> agencyLists) {
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
				a.returned(), agencyLists);
	}

}
