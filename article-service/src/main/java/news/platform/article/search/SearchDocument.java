package news.platform.article.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the search index knows of one published article: the text it searches and everything a
 * list item shows, so lists and search never go back to MongoDB. Built from the article store
 * ({@link ArticleSource}); {@code visibleFrom} is the moment readers may see it (the embargo or
 * the publish time), and the index never returns the article before then.
 */
public record SearchDocument(String id, String slug, String language, String headline, String standfirst,
		String bodyText, String section, List<String> tags, List<Author> authors, String heroMediaId,
		Instant publishedAt, Instant updatedAt, Instant visibleFrom) {

	public SearchDocument {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a search document needs an id");
		}
		if (publishedAt == null) {
			throw new IllegalArgumentException("a search document needs publishedAt: only published articles are indexed");
		}
		tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
		authors = authors == null ? List.of() : authors.stream().filter(Objects::nonNull).toList();
		visibleFrom = visibleFrom == null ? publishedAt : visibleFrom;
	}

	/** An author of the byline: the user or contributor id when known, and the name readers see. */
	public record Author(String id, String name) {

	}

}
