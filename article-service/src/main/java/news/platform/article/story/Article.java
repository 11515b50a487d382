package news.platform.article.story;

import java.time.Instant;
import java.util.LinkedHashSet;
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
		List<Correction> corrections, String updatedBy, ReturnNote returnNote) {

	public Article {
		previousSlugs = List.copyOf(previousSlugs);
		body = List.copyOf(body);
		authors = List.copyOf(authors);
		tags = List.copyOf(tags);
		corrections = List.copyOf(corrections);
	}

	/** An article without a return note, as every article was before notes existed. */
	public Article(String id, String slug, List<String> previousSlugs, String language, String headline,
			String standfirst, List<Block> body, List<String> authors, String section, List<String> tags,
			String source, String heroMediaId, boolean commentsOpen, Instant commentsCloseAt, ArticleStatus status,
			String ownerId, Instant createdAt, Instant updatedAt, Instant firstPublishedAt, Instant publishedAt,
			Instant scheduledAt, Instant embargoUntil, long revision, int wordCount, int readingMinutes,
			List<Correction> corrections, String updatedBy) {
		this(id, slug, previousSlugs, language, headline, standfirst, body, authors, section, tags, source, heroMediaId,
				commentsOpen, commentsCloseAt, status, ownerId, createdAt, updatedAt, firstPublishedAt, publishedAt,
				scheduledAt, embargoUntil, revision, wordCount, readingMinutes, corrections, updatedBy, null);
	}

	/**
	 * Sent back to its journalist with a note and not resubmitted since: the journalist's "returned"
	 * work list.
	 */
	public boolean returned() {
		return this.status == ArticleStatus.DRAFT && this.returnNote != null;
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
		LinkedHashSet<String> ids = new LinkedHashSet<>();
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
		return toBuilder().status(status)
			.publishedAt(publishedAt)
			.firstPublishedAt(firstPublishedAt)
			.scheduledAt(scheduledAt)
			.embargoUntil(embargoUntil)
			.corrections(corrections)
			.updatedAt(now)
			.updatedBy(by)
			.build();
	}

	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Copy-with for a record this wide: editing, the workflow and the write path change a few fields
	 * of an article and keep the rest.
	 */
	public static final class Builder {

		private String id, slug, language, headline, standfirst, section, source, heroMediaId, ownerId, updatedBy;

		private List<String> previousSlugs, authors, tags;

		private List<Block> body;

		private boolean commentsOpen;

		private Instant commentsCloseAt, createdAt, updatedAt, firstPublishedAt, publishedAt, scheduledAt, embargoUntil;

		private ArticleStatus status;

		private long revision;

		private int wordCount, readingMinutes;

		private List<Correction> corrections;

		private ReturnNote returnNote;

		private Builder(Article a) {
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
			this.returnNote = a.returnNote;
		}

		public Builder id(String id) {
			this.id = id;
			return this;
		}

		public Builder slug(String slug) {
			this.slug = slug;
			return this;
		}

		public Builder previousSlugs(List<String> previousSlugs) {
			this.previousSlugs = previousSlugs;
			return this;
		}

		public Builder language(String language) {
			this.language = language;
			return this;
		}

		public Builder headline(String headline) {
			this.headline = headline;
			return this;
		}

		public Builder standfirst(String standfirst) {
			this.standfirst = standfirst;
			return this;
		}

		public Builder body(List<Block> body) {
			this.body = body;
			return this;
		}

		public Builder authors(List<String> authors) {
			this.authors = authors;
			return this;
		}

		public Builder section(String section) {
			this.section = section;
			return this;
		}

		public Builder tags(List<String> tags) {
			this.tags = tags;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder heroMediaId(String heroMediaId) {
			this.heroMediaId = heroMediaId;
			return this;
		}

		public Builder commentsOpen(boolean commentsOpen) {
			this.commentsOpen = commentsOpen;
			return this;
		}

		public Builder commentsCloseAt(Instant commentsCloseAt) {
			this.commentsCloseAt = commentsCloseAt;
			return this;
		}

		public Builder status(ArticleStatus status) {
			this.status = status;
			return this;
		}

		public Builder ownerId(String ownerId) {
			this.ownerId = ownerId;
			return this;
		}

		public Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Builder firstPublishedAt(Instant firstPublishedAt) {
			this.firstPublishedAt = firstPublishedAt;
			return this;
		}

		public Builder publishedAt(Instant publishedAt) {
			this.publishedAt = publishedAt;
			return this;
		}

		public Builder scheduledAt(Instant scheduledAt) {
			this.scheduledAt = scheduledAt;
			return this;
		}

		public Builder embargoUntil(Instant embargoUntil) {
			this.embargoUntil = embargoUntil;
			return this;
		}

		public Builder revision(long revision) {
			this.revision = revision;
			return this;
		}

		public Builder wordCount(int wordCount) {
			this.wordCount = wordCount;
			return this;
		}

		public Builder readingMinutes(int readingMinutes) {
			this.readingMinutes = readingMinutes;
			return this;
		}

		public Builder corrections(List<Correction> corrections) {
			this.corrections = corrections;
			return this;
		}

		public Builder updatedBy(String updatedBy) {
			this.updatedBy = updatedBy;
			return this;
		}

		public Builder returnNote(ReturnNote returnNote) {
			this.returnNote = returnNote;
			return this;
		}

		public Article build() {
			return new Article(this.id, this.slug, this.previousSlugs, this.language, this.headline, this.standfirst,
					this.body, this.authors, this.section, this.tags, this.source, this.heroMediaId, this.commentsOpen,
					this.commentsCloseAt, this.status, this.ownerId, this.createdAt, this.updatedAt,
					this.firstPublishedAt, this.publishedAt, this.scheduledAt, this.embargoUntil, this.revision,
					this.wordCount, this.readingMinutes, this.corrections, this.updatedBy, this.returnNote);
		}

	}

}
