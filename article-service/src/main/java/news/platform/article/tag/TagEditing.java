package news.platform.article.tag;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import news.platform.article.slug.Slugs;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Tag writes and their rules: created by staff on first use (an article naming a tag that does
 * not exist yet makes it), renamed and merged by editors. Each write is one document write with
 * its {@code tag.changed} event staged in it (the article feed relays it from {@code tags}), so
 * every replica's {@link TagDirectory} and caches follow. Articles store tag ids: a rename or a
 * merge rewrites no article. Who may call is the controller's concern.
 */
@Service
public class TagEditing {

	static final int MAX_SLUG = 60;

	static final int MAX_NAME = 100;

	/** The article feed's schema version; a tag event is part of version 2. */
	static final int SCHEMA_VERSION = 2;

	private final Tags store;

	private final TagDirectory directory;

	private final FeedPublisher feed;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TagEditing(Tags store, TagDirectory directory, FeedPublisher feed, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.feed = feed;
		this.events = events;
		this.clock = clock;
	}

	/** A rename: a field left out keeps its value. */
	public record Rename(String slug, String name) {
	}

	/** A merge of the addressed tag into the tag whose slug is {@code into}. */
	public record Merge(String into) {
	}

	/** An explicit creation; the slug comes from the name when left out. */
	public record Create(String slug, String name) {
	}

	/**
	 * Checks what an article names as its tags ({@code field[i]}: an id, a slug or a display
	 * name), nothing written. Answers the slug each new tag would get, in order.
	 */
	public void check(String field, List<String> references) {
		if (references == null) {
			return;
		}
		for (int i = 0; i < references.size(); i++) {
			String reference = references.get(i).strip();
			if (this.directory.resolve(reference).isEmpty()) {
				String slug = slugFor(reference);
				if (!Slugs.isValid(slug) || slug.length() > MAX_SLUG) {
					throw ApiProblem.invalidField(field + "[" + i + "]",
							"a tag needs letters or digits (its slug: lowercase letters, digits and single hyphens, at most "
									+ MAX_SLUG + ")");
				}
			}
		}
	}

	/**
	 * The ids of the tags an article names, each once, creating those that do not exist yet
	 * ({@link #check} first: this writes).
	 */
	public List<String> ensure(List<String> references) {
		Set<String> ids = new LinkedHashSet<>();
		for (String raw : references) {
			String reference = raw.strip();
			Optional<Tag> existing = this.directory.resolve(reference);
			ids.add(existing.isPresent() ? existing.get().id() : createFor(reference).id());
		}
		return List.copyOf(ids);
	}

	public Tag create(Create input) {
		text("name", input.name());
		String slug = input.slug() != null ? input.slug() : Slugs.fromHeadline(input.name());
		checkSlug(input.slug() != null ? "slug" : "name", slug);
		if (this.directory.bySlug(slug).isPresent()) {
			throw taken(slug);
		}
		return insert(slug, input.name().strip()).orElseThrow(() -> taken(slug));
	}

	public Tag rename(Tag target, Rename input) {
		if (input.slug() != null) {
			checkSlug("slug", input.slug());
		}
		if (input.name() != null) {
			text("name", input.name());
		}
		String slug = input.slug() != null ? input.slug() : target.slug();
		String name = input.name() != null ? input.name().strip() : target.name();
		boolean newSlug = !slug.equals(target.slug());
		if (newSlug) {
			Optional<Tag> holder = this.directory.bySlug(slug);
			if (holder.isPresent() && !holder.get().id().equals(target.id())) {
				throw taken(slug);
			}
			if (!this.store.claim(slug, target.id())) {
				throw taken(slug);
			}
		}
		Instant now = now();
		Tag after = target.renamed(slug, name, now);
		write(target, after, event(after, newSlug ? target.slug() : null, null, now), List.of(after.id()));
		return after;
	}

	public Tag merge(Tag source, Merge input) {
		if (input.into() == null || input.into().isBlank()) {
			throw ApiProblem.invalidField("into", "required: the slug of the tag to merge into");
		}
		Tag target = this.directory.bySlug(input.into().strip())
			.orElseThrow(() -> ApiProblem.invalidField("into", "no such tag"));
		if (target.id().equals(source.id())) {
			throw ApiProblem.invalidField("into", "a tag cannot be merged into itself");
		}
		Instant now = now();
		Tag after = source.mergedInto(target.id(), now);
		write(source, after, event(target, source.slug(), source.id(), now), List.of(source.id(), target.id()));
		return target;
	}

	private Tag createFor(String reference) {
		String slug = slugFor(reference);
		Optional<Tag> created = insert(slug, reference);
		if (created.isPresent()) {
			return created.get();
		}
		// another writer took the slug a moment ago: that tag is the one meant
		return this.store.holderOf(slug)
			.flatMap(holder -> {
				this.directory.refresh(holder);
				return this.directory.byId(holder);
			})
			.orElseThrow(() -> taken(slug));
	}

	private Optional<Tag> insert(String slug, String name) {
		Instant now = now();
		Tag tag = new Tag(new ObjectId().toHexString(), slug, name, List.of(), null, 1, now, now);
		if (!this.store.claim(slug, tag.id())) {
			return Optional.empty();
		}
		try {
			this.feed.willStage(Tags.COLLECTION, tag.id(), tag.revision());
			this.store.insert(tag, List.of(event(tag, null, null, now)));
		}
		catch (RuntimeException ex) {
			this.store.release(slug, tag.id());
			throw ex;
		}
		this.directory.put(tag);
		this.events.publishEvent(new TagChanged(List.of(tag.id())));
		return Optional.of(tag);
	}

	private void write(Tag before, Tag after, Document event, List<String> changed) {
		this.feed.willStage(Tags.COLLECTION, after.id(), after.revision());
		if (!this.store.replace(after, before.revision(), List.of(event))) {
			throw ApiProblem.of(ProblemType.VERSION_CONFLICT, "The tag changed meanwhile; read it again.");
		}
		this.directory.put(after);
		this.events.publishEvent(new TagChanged(changed));
	}

	/**
	 * {@code tag.changed}: {@code slug}, {@code previousSlug}, {@code name} (the contract), with
	 * the id of the tag the event is about and, for a merge, {@code mergedFrom} (the merged tag's id;
	 * {@code slug} and {@code name} are then the surviving tag's).
	 */
	private Document event(Tag tag, String previousSlug, String mergedFrom, Instant now) {
		Document data = new Document("id", tag.id()).append("slug", tag.slug())
			.append("previousSlug", previousSlug)
			.append("name", tag.name());
		if (mergedFrom != null) {
			data.append("mergedFrom", mergedFrom);
		}
		return this.feed.stage(TagChanged.EVENT, SCHEMA_VERSION, now, null, data);
	}

	/** A slug given as such, or the slug form of a name (cut at a hyphen to fit). */
	static String slugFor(String reference) {
		if (Slugs.isValid(reference)) {
			return reference;
		}
		String slug = Slugs.fromHeadline(reference);
		if (slug.length() > MAX_SLUG) {
			int cut = slug.lastIndexOf('-', MAX_SLUG);
			slug = cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_SLUG);
		}
		return slug;
	}

	static void checkSlug(String field, String slug) {
		if (!Slugs.isValid(slug) || slug.length() > MAX_SLUG) {
			throw ApiProblem.invalidField(field,
					"a slug is lowercase letters, digits and single hyphens, at most " + MAX_SLUG + " characters");
		}
	}

	private static void text(String field, String value) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.invalidField(field, "required");
		}
		if (value.strip().length() > MAX_NAME) {
			throw ApiProblem.invalidField(field, "at most " + MAX_NAME + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw ApiProblem.invalidField(field, "contains control characters");
			}
		}
	}

	private static ApiProblem taken(String slug) {
		return new ApiProblem(ProblemType.SLUG_TAKEN, "The slug '" + slug + "' belongs to another tag.")
			.withFieldError("slug", "taken");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
