package news.platform.article.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the service reasons about it. What is stored (see {@link Articles}) and what is
 * served (the views) are separate shapes.
 */
public record Article(String id, String slug, List<String> previousSlugs, String language, String headline,
		String standfirst, List<Block> body, List<String> authors, String section, List<String> tags,
		String source, String heroMediaId, boolean commentsOpen, Instant commentsCloseAt, ArticleStatus status,
		String ownerId, Instant createdAt, Instant updatedAt, Instant firstPublishedAt, Instant publishedAt,
		Instant scheduledAt, Instant embargoUntil, long revision, int wordCount, int readingMinutes,
		List<Correction> corrections, String updatedBy) {

	public Article {
		previousSlugs = List.copyOf(previousSlugs);
		body = List.copyOf(body);
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
		corrections = List.copyOf(corrections);
	}

	/** Published and past any embargo: what readers, lists, search and events may show. */
	public boolean visibleAt(Instant now) {
		return this.status == ArticleStatus.PUBLISHED && (this.embargoUntil == null || !this.embargoUntil.isAfter(now));
	}

	public boolean commentsOpenAt(Instant now) {
		return this.commentsOpen && (this.commentsCloseAt == null || now.isBefore(this.commentsCloseAt));
	}

	/** Every media id the article shows: the hero and each image block. */
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

	public String bodyText() {
		StringBuilder text = new StringBuilder();
		for (Block block : this.body) {
			String plain = block.plainText();
			if (plain != null && !plain.isBlank()) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(plain);
			}
		}
		return text.toString();
	}

	/** The workflow's part of a change: status, its times and the correction notes. */
	public Article withWorkflow(ArticleStatus status, Instant publishedAt, Instant firstPublishedAt,
			Instant scheduledAt, Instant embargoUntil, List<Correction> corrections, Instant now, String by) {
		Builder builder = toBuilder();
		builder.status = status;
		builder.publishedAt = publishedAt;
		builder.firstPublishedAt = firstPublishedAt;
		builder.scheduledAt = scheduledAt;
		builder.embargoUntil = embargoUntil;
		builder.corrections = corrections;
		builder.updatedAt = now;
		builder.updatedBy = by;
		return builder.build();
	}

	Builder toBuilder() {
		return new Builder(this);
	}

	/** Copy-with for a record this wide; only the service and store change articles. */
	static final class Builder {

		String id, slug, language, headline, standfirst, section, source, heroMediaId, ownerId, updatedBy;

		List<String> previousSlugs, authors, tags;

		List<Block> body;

		boolean commentsOpen;

		Instant commentsCloseAt, createdAt, updatedAt, firstPublishedAt, publishedAt, scheduledAt, embargoUntil;

		ArticleStatus status;

		long revision;

		int wordCount, readingMinutes;

		List<Correction> corrections;

		Builder(Article a) {
			this.id = a.id;
			this.slug = a.slug;
			this.previousSlugs = a.previousSlugs;
			this.language = a.language;
			this.headline = a.headline;
			this.standfirst = a.standfirst;
			this.body = a.body;
			this.authors = a.authors;
			this.section = a.section;
			this.tags = a.tags;
			this.source = a.source;
			this.heroMediaId = a.heroMediaId;
			this.commentsOpen = a.commentsOpen;
			this.commentsCloseAt = a.commentsCloseAt;
			this.status = a.status;
			this.ownerId = a.ownerId;
			this.createdAt = a.createdAt;
			this.updatedAt = a.updatedAt;
			this.firstPublishedAt = a.firstPublishedAt;
			this.publishedAt = a.publishedAt;
			this.scheduledAt = a.scheduledAt;
			this.embargoUntil = a.embargoUntil;
			this.revision = a.revision;
			this.wordCount = a.wordCount;
			this.readingMinutes = a.readingMinutes;
			this.corrections = a.corrections;
			this.updatedBy = a.updatedBy;
		}

		Article build() {
			return new Article(this.id, this.slug, this.previousSlugs, this.language, this.headline, this.standfirst,
					this.body, this.authors, this.section, this.tags, this.source, this.heroMediaId, this.commentsOpen,
					this.commentsCloseAt, this.status, this.ownerId, this.createdAt, this.updatedAt,
					this.firstPublishedAt, this.publishedAt, this.scheduledAt, this.embargoUntil, this.revision,
					this.wordCount, this.readingMinutes, this.corrections, this.updatedBy);
		}

	}

}
