package news.platform.site.content;

import java.time.Instant;
import java.util.List;

/**
 * A published article as the site reads it from article-service's reader answer. Fields added by
 * later versions of the service are optional here: {@code url} (issue 15), tag and author slugs,
 * rich text and translations (issue 16).
 *
 * @param section the section's slug (or, in articles stored before sections, a free name)
 * @param url the article's public URL when the service gives one (issue 15), else null
 */
public record Article(String id, String slug, String language, String headline, String standfirst,
		List<Block> body, List<Named> authors, String section, List<Named> tags, String source, String heroMediaId,
		Instant publishedAt, Instant firstPublishedAt, Instant updatedAt, int wordCount, int readingMinutes,
		List<Correction> corrections, List<Translation> translations, String url) {

	/** When the story last changed for readers: its update, else its publication. */
	public Instant modifiedAt() {
		if (this.updatedAt != null && this.publishedAt != null && this.updatedAt.isAfter(this.publishedAt)) {
			return this.updatedAt;
		}
		return this.publishedAt != null ? this.publishedAt : this.updatedAt;
	}

	/** First publication (the date a story is known by), else the current one. */
	public Instant firstPublished() {
		return this.firstPublishedAt != null ? this.firstPublishedAt : this.publishedAt;
	}

	/** The ids of every picture in the story, the hero first. */
	public List<String> mediaIds() {
		java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
		if (this.heroMediaId != null) {
			ids.add(this.heroMediaId);
		}
		for (Block block : this.body) {
			if (block instanceof Block.Image image && image.mediaId() != null) {
				ids.add(image.mediaId());
			}
		}
		return List.copyOf(ids);
	}

	/** A dated public correction, as the newsroom wrote it. */
	public record Correction(Instant at, String text) {
	}

	/** A published translation of the story (issue 16): its language and public URL. */
	/** A published translation: {@code id} (absent from older answers) lets its events drop this page. */
	public record Translation(String id, String language, String url) {
	}

}
