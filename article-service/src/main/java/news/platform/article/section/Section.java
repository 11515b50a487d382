package news.platform.article.section;

import java.time.Instant;

/**
 * A section of the site, as stored: a stable id (articles and subsections do not change when a
 * slug does), its own slug, an optional parent (one level: {@code vijesti/hrvatska}), what readers
 * see and where it sorts among its siblings. Its path is the parent's slug and its own, worked out
 * by {@link SectionDirectory}.
 *
 * @param id stable id
 * @param slug its own slug, the last segment of its path
 * @param parentId the parent section's id, or {@code null} for a top-level section
 * @param name the name readers see
 * @param description a short description, or {@code null}
 * @param position order among siblings, smaller first
 * @param revision moved on by every write (the section's version for {@code If-Match})
 * @param deleted a tombstone: kept so the deletion's feed event is relayed, never shown
 */
public record Section(String id, String slug, String parentId, String name, String description, int position,
		long revision, Instant createdAt, Instant updatedAt, boolean deleted) {

	Section with(String slug, String parentId, String name, String description, int position, Instant now) {
		return new Section(this.id, slug, parentId, name, description, position, this.revision + 1, this.createdAt,
				now, false);
	}

	Section asDeleted(Instant now) {
		return new Section(this.id, this.slug, this.parentId, this.name, this.description, this.position,
				this.revision + 1, this.createdAt, now, true);
	}

}
