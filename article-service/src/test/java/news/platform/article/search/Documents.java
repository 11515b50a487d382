package news.platform.article.search;

import java.time.Instant;
import java.util.List;

/** Test data: published articles with only what a test cares about set. */
final class Documents {

	static final Instant BASE = Instant.parse("2026-11-01T08:00:00Z");

	private Documents() {
	}

	static SearchDocument article(String id, int minutesAfterBase, String headline, String body) {
		return article(id, minutesAfterBase, headline, null, body, "vijesti", List.of());
	}

	static SearchDocument article(String id, int minutesAfterBase, String headline, String standfirst, String body,
			String section, List<String> tags) {
		Instant publishedAt = BASE.plusSeconds(60L * minutesAfterBase);
		return new SearchDocument(id, "slug-" + id, "hr", headline, standfirst, body, section, tags,
				List.of(new SearchDocument.Author("u-" + id, "Ana Horvat")), "media-" + id, publishedAt, publishedAt,
				publishedAt);
	}

	/** The same article in another workflow state, owned by {@code owner}: staff-only in the index. */
	static SearchDocument inState(SearchDocument d, String status, String owner) {
		return new SearchDocument(d.id(), d.slug(), d.language(), d.headline(), d.standfirst(), d.bodyText(),
				d.section(), d.tags(), d.authors(), d.heroMediaId(), "PUBLISHED".equals(status) ? d.publishedAt()
						: "UNPUBLISHED".equals(status) ? d.publishedAt() : null,
				d.updatedAt(), null, status, owner, null, false);
	}

	static SearchDocument embargoed(SearchDocument document, Instant visibleFrom) {
		return new SearchDocument(document.id(), document.slug(), document.language(), document.headline(),
				document.standfirst(), document.bodyText(), document.section(), document.tags(), document.authors(),
				document.heroMediaId(), document.publishedAt(), document.updatedAt(), visibleFrom);
	}

}
