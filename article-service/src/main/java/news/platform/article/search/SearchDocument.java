package news.platform.article.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the index knows of one article that is not deleted: the text it searches, everything a list
 * item shows, and what staff work lists filter and sort on, so lists and search never go back to
 * MongoDB. Built from the article store ({@link ArticleSource}). Only a {@code PUBLISHED} article
 * has a {@code visibleFrom} (the embargo or the publish time): readers never get an article before
 * then, and never one without it (drafts, reviews, schedules, withdrawn stories are staff-only).
 *
 * @param section the section's path now (an older free-text section mapped; as stored when it maps
 * to none)
 * @param status the workflow status name ({@code DRAFT}, {@code IN_REVIEW}, {@code SCHEDULED},
 * {@code PUBLISHED}, {@code UNPUBLISHED})
 * @param ownerId the journalist who owns it
 * @param returned sent back to its journalist and not resubmitted
 * @param agency the staff lists its agency state puts it on ({@code pending-update},
 * {@code withdrawn}; empty for most articles)
 */
public record SearchDocument(String id, String slug, String language, String headline, String standfirst,
		String bodyText, String section, List<String> tags, List<Author> authors, String heroMediaId,
		Instant publishedAt, Instant updatedAt, Instant visibleFrom, String status, String ownerId,
		Instant scheduledAt, boolean returned, Set<String> agency) {

	public static final String PUBLISHED = "PUBLISHED";

	public SearchDocument {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a search document needs an id");
		}
		status = status == null ? PUBLISHED : status;
		if (PUBLISHED.equals(status) && publishedAt == null) {
			throw new IllegalArgumentException("a published search document needs publishedAt");
		}
		tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).toList();
		authors = authors == null ? List.of() : authors.stream().filter(Objects::nonNull).toList();
		visibleFrom = !PUBLISHED.equals(status) ? null : visibleFrom == null ? publishedAt : visibleFrom;
		updatedAt = updatedAt != null ? updatedAt : publishedAt != null ? publishedAt : Instant.EPOCH;
		agency = agency == null ? Set.of() : Set.copyOf(agency);
	}

	/** An article on no agency list. */
	public SearchDocument(String id, String slug, String language, String headline, String standfirst,
			String bodyText, String section, List<String> tags, List<Author> authors, String heroMediaId,
			Instant publishedAt, Instant updatedAt, Instant visibleFrom, String status, String ownerId,
			Instant scheduledAt, boolean returned) {
		this(id, slug, language, headline, standfirst, bodyText, section, tags, authors, heroMediaId, publishedAt,
				updatedAt, visibleFrom, status, ownerId, scheduledAt, returned, Set.of());
	}

	/** A published article, as the index held only those before staff lists. */
	public SearchDocument(String id, String slug, String language, String headline, String standfirst,
			String bodyText, String section, List<String> tags, List<Author> authors, String heroMediaId,
			Instant publishedAt, Instant updatedAt, Instant visibleFrom) {
		this(id, slug, language, headline, standfirst, bodyText, section, tags, authors, heroMediaId, publishedAt,
				updatedAt, visibleFrom, PUBLISHED, null, null, false);
	}

	public boolean published() {
		return PUBLISHED.equals(this.status);
	}

	/** An author of the byline: the user or contributor id when known, and the name readers see. */
	public record Author(String id, String name) {

	}

}
