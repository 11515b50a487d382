package news.platform.article.author;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An author's profile: a stable id (what articles store), its slug now and every earlier slug
 * (each answers 301), display name, short bio, photo (a media id), links, whether the profile is
 * public before any published story names it, and the staff user it belongs to ({@code userId},
 * the token's {@code sub}; {@code null} for a contributor without an account).
 */
public record Author(String id, String slug, String name, String bio, String photoMediaId, List<String> links,
		boolean publicProfile, String userId, List<String> previousSlugs, long revision, Instant createdAt,
		Instant updatedAt) {

	public Author {
		links = List.copyOf(links);
		previousSlugs = List.copyOf(previousSlugs);
	}

	public List<String> slugs() {
		List<String> all = new ArrayList<>(this.previousSlugs);
		all.add(0, this.slug);
		return all;
	}

	Author changed(String newSlug, String newName, String newBio, String newPhoto, List<String> newLinks,
			boolean newPublic, Instant now) {
		List<String> previous = new ArrayList<>(this.previousSlugs);
		if (!newSlug.equals(this.slug) && !previous.contains(this.slug)) {
			previous.add(this.slug);
		}
		previous.remove(newSlug);
		return new Author(this.id, newSlug, newName, newBio, newPhoto, newLinks, newPublic, this.userId, previous,
				this.revision + 1, this.createdAt, now);
	}

}
