package news.platform.article.tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tag: a stable id (what articles store), its slug now, every slug it had before (each still
 * answers, 301 to the current one) and its display name. A tag merged into another keeps its
 * document with {@code mergedInto} set: articles naming it, and its slugs, lead to the other one.
 */
public record Tag(String id, String slug, String name, List<String> previousSlugs, String mergedInto,
		long revision, Instant createdAt, Instant updatedAt) {

	public Tag {
		previousSlugs = List.copyOf(previousSlugs);
	}

	/** The current slug and every earlier one. */
	public List<String> slugs() {
		List<String> all = new ArrayList<>(this.previousSlugs);
		all.add(0, this.slug);
		return all;
	}

	public boolean merged() {
		return this.mergedInto != null;
	}

	Tag renamed(String newSlug, String newName, Instant now) {
		List<String> previous = new ArrayList<>(this.previousSlugs);
		if (!newSlug.equals(this.slug) && !previous.contains(this.slug)) {
			previous.add(this.slug);
		}
		previous.remove(newSlug);
		return new Tag(this.id, newSlug, newName, previous, this.mergedInto, this.revision + 1, this.createdAt, now);
	}

	Tag mergedInto(String targetId, Instant now) {
		return new Tag(this.id, this.slug, this.name, this.previousSlugs, targetId, this.revision + 1, this.createdAt,
				now);
	}

}
