package news.platform.article.section;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import news.platform.article.slug.Slugs;
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.web.VersionPreconditions;

/**
 * Creating, changing and deleting sections, with their rules: a slug of the slug form that no
 * top-level section may take when it is one of {@link PublicUrls#RESERVED_SEGMENTS}, one level of
 * nesting, unique paths (claimed by key before the write), and a {@code section.changed} event
 * staged in the section's own document by the same write (the article feed announces it, from
 * the {@code sections} collection). Who may call is the controller's concern.
 */
@Service
public class SectionEditing {

	static final int MAX_SLUG = 60;

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 500;

	static final int MAX_POSITION = 100_000;

	/** The article feed's schema version; a section event is part of version 2. */
	static final int SCHEMA_VERSION = 2;

	private static final VersionPreconditions SECTION = new VersionPreconditions("section");

	private final Sections store;

	private final SectionDirectory directory;

	private final FeedPublisher feed;

	private final ObjectProvider<SectionUsage> usage;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SectionEditing(Sections store, SectionDirectory directory, FeedPublisher feed, ObjectProvider<SectionUsage> usage,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.feed = feed;
		this.usage = usage;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a client sends; for a change, a field left out keeps its value and {@code parent: ""}
	 * makes the section top-level.
	 */
	public record Input(String slug, String name, String description, Integer position, String parent) {
	}

	public SectionDirectory.Resolved create(Input input) {
		text("slug", input.slug(), MAX_SLUG);
		text("name", input.name(), MAX_NAME);
		checkRest(input);
		Section parent = parentOf(input.parent(), null);
		String slug = input.slug();
		String path = pathOf(parent, slug);
		checkSlug(slug, path);
		Instant now = now();
		int position = input.position() != null ? input.position() : nextPosition(parent);
		Section section = new Section(new ObjectId().toHexString(), slug, parent == null ? null : parent.id(),
				input.name().strip(), blankToNull(input.description()), position, 1, now, now, false);
		if (!this.store.claim(path, section.id())) {
			throw taken(path);
		}
		try {
			this.feed.willStage(Sections.COLLECTION, section.id(), section.revision());
			this.store.insert(section, List.of(event(section, path, null, null, now)));
		}
		catch (RuntimeException ex) {
			this.store.release(path, section.id());
			throw ex;
		}
		return changed(section.id(), path, null);
	}

	public SectionDirectory.Resolved update(SectionDirectory.Resolved target, Input input, String ifMatch) {
		Section before = target.section();
		long expected = SECTION.optional(ifMatch);
		if (expected > 0 && expected != before.revision()) {
			throw SECTION.stale(expected, before.revision());
		}
		if (input.slug() != null) {
			text("slug", input.slug(), MAX_SLUG);
		}
		if (input.name() != null) {
			text("name", input.name(), MAX_NAME);
		}
		checkRest(input);
		Section parent;
		if (input.parent() == null) {
			parent = before.parentId() == null ? null
					: this.directory.byId(before.parentId()).map(SectionDirectory.Resolved::section).orElse(null);
		}
		else {
			parent = parentOf(input.parent(), before);
		}
		String slug = input.slug() != null ? input.slug() : before.slug();
		String path = pathOf(parent, slug);
		boolean moves = !path.equals(target.path());
		if (moves) {
			checkSlug(slug, path);
		}
		Instant now = now();
		Section after = before.with(slug, parent == null ? null : parent.id(),
				input.name() != null ? input.name().strip() : before.name(),
				input.description() != null ? blankToNull(input.description()) : before.description(),
				input.position() != null ? input.position() : before.position(), now);
		List<Claim> claimed = new ArrayList<>();
		if (moves) {
			claimOrRelease(path, before.id(), claimed);
			for (Section child : this.directory.children(before.id())) {
				claimOrRelease(path + "/" + child.slug(), child.id(), claimed);
			}
		}
		boolean saved;
		try {
			this.feed.willStage(Sections.COLLECTION, after.id(), after.revision());
			saved = this.store.replace(after, before.revision(),
					List.of(event(after, path, before.slug(), target.path(), now)));
		}
		catch (RuntimeException ex) {
			releaseNew(claimed);
			throw ex;
		}
		if (!saved) {
			releaseNew(claimed);
			long current = this.store.find(before.id()).map(Section::revision).orElse(before.revision());
			throw SECTION.stale(expected > 0 ? expected : before.revision(), current);
		}
		return changed(after.id(), path, target.path());
	}

	public void delete(SectionDirectory.Resolved target, String ifMatch) {
		Section before = target.section();
		long expected = SECTION.optional(ifMatch);
		if (expected > 0 && expected != before.revision()) {
			throw SECTION.stale(expected, before.revision());
		}
		if (!this.directory.children(before.id()).isEmpty()) {
			throw new ApiProblem(ProblemType.SECTION_IN_USE,
					"The section '" + target.path() + "' has subsections; move or delete them first.")
				.withFieldError("section", "has subsections");
		}
		SectionUsage counter = this.usage.getIfAvailable();
		long articles = counter == null ? 0 : counter.articlesIn(target.path());
		if (articles > 0) {
			throw new ApiProblem(ProblemType.SECTION_IN_USE, "The section '" + target.path() + "' holds " + articles
					+ " article(s); give them another section first.")
				.withFieldError("section", "holds " + articles + " article(s)");
		}
		Instant now = now();
		Section tombstone = before.asDeleted(now);
		this.feed.willStage(Sections.COLLECTION, tombstone.id(), tombstone.revision());
		Document data = data(tombstone, null, before.slug(), target.path()).append("deleted", true);
		if (!this.store.replace(tombstone, before.revision(),
				List.of(this.feed.stage(SectionChanged.EVENT, SCHEMA_VERSION, now, null, data)))) {
			long current = this.store.find(before.id()).map(Section::revision).orElse(before.revision());
			throw SECTION.stale(expected > 0 ? expected : before.revision(), current);
		}
		// its paths may be taken again: a deleted section redirects nowhere
		for (String path : this.directory.pathsOf(before.id())) {
			this.store.release(path, before.id());
		}
		this.directory.reload();
		this.events.publishEvent(new SectionChanged(null, target.path()));
	}

	private SectionDirectory.Resolved changed(String id, String path, String previousPath) {
		this.directory.reload();
		this.events.publishEvent(new SectionChanged(path, previousPath));
		return this.directory.byId(id).orElseThrow();
	}

	/** A path claimed by this write, to give back if the write does not happen. */
	private record Claim(String path, String sectionId) {
	}

	private void claimOrRelease(String path, String sectionId, List<Claim> claimed) {
		boolean alreadyHeld = this.directory.pathsOf(sectionId).contains(path);
		if (!this.store.claim(path, sectionId)) {
			releaseNew(claimed);
			throw taken(path);
		}
		if (!alreadyHeld) {
			claimed.add(new Claim(path, sectionId));
		}
	}

	private void releaseNew(List<Claim> claimed) {
		claimed.forEach(claim -> this.store.release(claim.path(), claim.sectionId()));
	}

	private Document event(Section section, String path, String previousSlug, String previousPath, Instant now) {
		return this.feed.stage(SectionChanged.EVENT, SCHEMA_VERSION, now, null,
				data(section, path, previousSlug, previousPath));
	}

	/** {@code slug}, {@code previousSlug}, {@code name} (the contract), and the paths they make. */
	private Document data(Section section, String path, String previousSlug, String previousPath) {
		String parentPath = section.parentId() == null ? null
				: this.directory.byId(section.parentId()).map(SectionDirectory.Resolved::path).orElse(null);
		return new Document("id", section.id()).append("slug", section.slug())
			.append("previousSlug", Objects.equals(previousSlug, section.slug()) ? null : previousSlug)
			.append("name", section.name())
			.append("path", path)
			.append("previousPath", Objects.equals(previousPath, path) ? null : previousPath)
			.append("parent", parentPath)
			.append("position", section.position());
	}

	private Section parentOf(String parentPath, Section self) {
		if (parentPath == null || parentPath.isEmpty()) {
			return null;
		}
		if (parentPath.length() > 2 * MAX_SLUG + 1) {
			throw ApiProblem.invalidField("parent", "not the path of a section");
		}
		SectionDirectory.Resolved parent = this.directory.byCurrentPath(parentPath)
			.orElseThrow(() -> ApiProblem.invalidField("parent", "no section '" + parentPath + "'"));
		if (self != null && parent.section().id().equals(self.id())) {
			throw ApiProblem.invalidField("parent", "a section cannot be its own parent");
		}
		if (parent.section().parentId() != null) {
			throw ApiProblem.invalidField("parent",
					"'" + parentPath + "' is a subsection; sections nest one level only");
		}
		if (self != null && !this.directory.children(self.id()).isEmpty()) {
			throw ApiProblem.invalidField("parent",
					"this section has subsections; under another section they would nest two levels");
		}
		return parent.section();
	}

	private static String pathOf(Section parent, String slug) {
		return parent == null ? slug : parent.slug() + "/" + slug;
	}

	private static void checkSlug(String slug, String path) {
		if (!Slugs.isValid(slug) || slug.length() > MAX_SLUG) {
			throw ApiProblem.invalidField("slug",
					"lowercase letters, digits and single hyphens only, at most " + MAX_SLUG);
		}
		String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
		if (PublicUrls.RESERVED_SEGMENTS.contains(first)) {
			throw ApiProblem.invalidField("slug", "'" + first + "' is reserved for the site, the desk or the gateway");
		}
	}

	private static void checkRest(Input input) {
		if (input.description() != null && input.description().length() > MAX_DESCRIPTION) {
			throw ApiProblem.invalidField("description", "at most " + MAX_DESCRIPTION + " characters");
		}
		if (input.position() != null && (input.position() < 0 || input.position() > MAX_POSITION)) {
			throw ApiProblem.invalidField("position", "from 0 to " + MAX_POSITION);
		}
	}

	private static void text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.invalidField(field, "required");
		}
		if (value.length() > max) {
			throw ApiProblem.invalidField(field, "at most " + max + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw ApiProblem.invalidField(field, "contains control characters");
			}
		}
	}

	private int nextPosition(Section parent) {
		List<SectionDirectory.Node> tree = this.directory.tree();
		int max = -1;
		for (SectionDirectory.Node node : tree) {
			if (parent == null) {
				max = Math.max(max, node.section().position());
			}
			else if (node.section().id().equals(parent.id())) {
				for (SectionDirectory.Node child : node.children()) {
					max = Math.max(max, child.section().position());
				}
			}
		}
		return Math.min(MAX_POSITION, max + 1);
	}

	private static ApiProblem taken(String path) {
		return new ApiProblem(ProblemType.SLUG_TAKEN,
				"The path '" + path + "' belongs to another section (now or before: an old path keeps redirecting).")
			.withFieldError("slug", "already used by another section");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
