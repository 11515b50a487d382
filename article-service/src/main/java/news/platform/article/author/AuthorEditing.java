package news.platform.article.author;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import news.platform.article.slug.Slugs;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Author profile writes and their rules. A staff user's own profile is made from the token's
 * {@code sub} and {@code name} the first time they ask for it (claimed by key in
 * {@code author_users}, so racing requests make one); editors make contributor profiles and change
 * any; a user changes their own. Each write is one document write with its {@code author.changed}
 * event staged in it. Who may call is the controller's concern.
 */
@Service
public class AuthorEditing {

	static final int MAX_SLUG = 60;

	static final int MAX_NAME = 100;

	static final int MAX_BIO = 500;

	static final int MAX_LINKS = 10;

	static final int MAX_LINK = 500;

	static final int SCHEMA_VERSION = 2;

	private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Authors store;

	private final AuthorDirectory directory;

	private final FeedPublisher feed;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AuthorEditing(Authors store, AuthorDirectory directory, FeedPublisher feed, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.directory = directory;
		this.feed = feed;
		this.events = events;
		this.clock = clock;
	}

	/** What a client sends; for a change, a field left out keeps its value ({@code ""} clears bio and photo). */
	public record Input(String slug, String name, String bio, String photoMediaId, List<String> links,
			@JsonProperty("public") Boolean publicProfile) {
	}

	/**
	 * Checks what an article names as its authors ({@code field[i]}: a profile's id or slug); an
	 * agency's credit belongs in {@code source}. Nothing is written.
	 */
	public void check(String field, List<String> references) {
		if (references == null) {
			return;
		}
		for (int i = 0; i < references.size(); i++) {
			if (find(references.get(i).strip()).isEmpty()) {
				throw ApiProblem.invalidField(field + "[" + i + "]",
						"no such author: give a profile's id or slug (an agency credit goes in source)");
			}
		}
	}

	/** The profile ids an article names, each once ({@link #check} first). */
	public List<String> ids(List<String> references) {
		Set<String> ids = new LinkedHashSet<>();
		for (String reference : references) {
			find(reference.strip()).ifPresent(author -> ids.add(author.id()));
		}
		return List.copyOf(ids);
	}

	/** The profile a reference names: an id, or a slug (current or old). */
	public Optional<Author> find(String reference) {
		Optional<Author> byId = this.directory.resolve(reference);
		return byId.isPresent() ? byId : this.directory.bySlug(reference);
	}

	/** The caller's own profile, made from the token's name when they have none. */
	public Mine mine(String userId, String displayName) {
		Optional<Author> existing = this.directory.byUser(userId);
		if (existing.isPresent()) {
			return new Mine(existing.get(), false);
		}
		String name = displayName == null || displayName.isBlank() ? userId : displayName.strip();
		if (name.length() > MAX_NAME) {
			name = name.substring(0, MAX_NAME).strip();
		}
		Instant now = now();
		String id = new ObjectId().toHexString();
		if (!this.store.claimUser(userId, id)) {
			String holder = this.store.ofUser(userId).orElseThrow();
			return new Mine(this.directory.byId(holder).orElseThrow(), false);
		}
		String base = Slugs.fromHeadline(name);
		if ("me".equals(base)) {
			base = "autor-me";
		}
		if (base.isEmpty() || base.length() > MAX_SLUG - 4) {
			base = base.isEmpty() ? "autor" : base.substring(0, MAX_SLUG - 4).replaceAll("-+$", "");
		}
		Author author = insertWithFreeSlug(id, base, name, userId, now);
		return new Mine(author, true);
	}

	/** A profile and whether this request made it. */
	public record Mine(Author author, boolean created) {
	}

	/** A contributor's profile (no account), made by an editor. */
	public Author create(Input input) {
		text("name", input.name(), MAX_NAME);
		String slug = input.slug() != null ? input.slug() : Slugs.fromHeadline(input.name());
		checkSlug(input.slug() != null ? "slug" : "name", slug);
		checkRest(input);
		if (this.directory.bySlug(slug).isPresent()) {
			throw taken(slug);
		}
		Instant now = now();
		Author author = new Author(new ObjectId().toHexString(), slug, input.name().strip(), blankToNull(input.bio()),
				blankToNull(input.photoMediaId()), input.links() == null ? List.of() : input.links(),
				Boolean.TRUE.equals(input.publicProfile()), null, List.of(), 1, now, now);
		if (!insert(author)) {
			throw taken(slug);
		}
		return author;
	}

	public Author update(Author before, Input input) {
		if (input.slug() != null) {
			checkSlug("slug", input.slug());
		}
		if (input.name() != null) {
			text("name", input.name(), MAX_NAME);
		}
		checkRest(input);
		String slug = input.slug() != null ? input.slug() : before.slug();
		if (!slug.equals(before.slug())) {
			Optional<Author> holder = this.directory.bySlug(slug);
			if (holder.isPresent() && !holder.get().id().equals(before.id()) || !this.store.claim(slug, before.id())) {
				throw taken(slug);
			}
		}
		Instant now = now();
		Author after = before.changed(slug, input.name() != null ? input.name().strip() : before.name(),
				input.bio() != null ? blankToNull(input.bio()) : before.bio(),
				input.photoMediaId() != null ? blankToNull(input.photoMediaId()) : before.photoMediaId(),
				input.links() != null ? input.links() : before.links(),
				input.publicProfile() != null ? input.publicProfile() : before.publicProfile(), now);
		this.feed.willStage(Authors.COLLECTION, after.id(), after.revision());
		if (!this.store.replace(after, before.revision(),
				List.of(event(after, slug.equals(before.slug()) ? null : before.slug(), now)))) {
			throw ApiProblem.of(ProblemType.VERSION_CONFLICT, "The profile changed meanwhile; read it again.");
		}
		this.directory.put(after);
		this.events.publishEvent(new AuthorChanged(after.id()));
		return after;
	}

	private Author insertWithFreeSlug(String id, String base, String name, String userId, Instant now) {
		for (int n = 1; n < 1000; n++) {
			String slug = n == 1 ? base : base + "-" + n;
			if (this.directory.bySlug(slug).isPresent()) {
				continue;
			}
			Author author = new Author(id, slug, name, null, null, List.of(), false, userId, List.of(), 1, now, now);
			if (insert(author)) {
				return author;
			}
		}
		throw ApiProblem.of(ProblemType.SLUG_TAKEN, "No free slug for '" + base + "'.");
	}

	private boolean insert(Author author) {
		if (!this.store.claim(author.slug(), author.id())) {
			return false;
		}
		try {
			this.feed.willStage(Authors.COLLECTION, author.id(), author.revision());
			this.store.insert(author, List.of(event(author, null, author.createdAt())));
		}
		catch (RuntimeException ex) {
			this.store.release(author.slug(), author.id());
			throw ex;
		}
		this.directory.put(author);
		this.events.publishEvent(new AuthorChanged(author.id()));
		return true;
	}

	/** {@code author.changed}: {@code slug}, {@code previousSlug}, {@code name} (the contract) and the id. */
	private Document event(Author author, String previousSlug, Instant now) {
		return this.feed.stage(AuthorChanged.EVENT, SCHEMA_VERSION, now, null,
				new Document("id", author.id()).append("slug", author.slug())
					.append("previousSlug", previousSlug)
					.append("name", author.name()));
	}

	private static void checkRest(Input input) {
		if (input.bio() != null && input.bio().length() > MAX_BIO) {
			throw ApiProblem.invalidField("bio", "at most " + MAX_BIO + " characters");
		}
		if (input.photoMediaId() != null && !input.photoMediaId().isEmpty()
				&& !MEDIA_ID.matcher(input.photoMediaId()).matches()) {
			throw ApiProblem.invalidField("photoMediaId", "a media id: letters, digits, '-' and '_', at most 64");
		}
		if (input.links() != null) {
			if (input.links().size() > MAX_LINKS) {
				throw ApiProblem.invalidField("links", "at most " + MAX_LINKS + " links");
			}
			for (int i = 0; i < input.links().size(); i++) {
				if (!isWebLink(input.links().get(i))) {
					throw ApiProblem.invalidField("links[" + i + "]", "an http or https URL with a host, at most " + MAX_LINK + " characters");
				}
			}
		}
	}

	private static boolean isWebLink(String link) {
		if (link == null || link.length() > MAX_LINK) {
			return false;
		}
		try {
			URI uri = new URI(link);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (Exception ex) {
			return false;
		}
	}

	static void checkSlug(String field, String slug) {
		if (!Slugs.isValid(slug) || slug.length() > MAX_SLUG) {
			throw ApiProblem.invalidField(field,
					"a slug is lowercase letters, digits and single hyphens, at most " + MAX_SLUG + " characters");
		}
		if ("me".equals(slug)) {
			throw ApiProblem.invalidField(field, "'me' is reserved (/api/v1/authors/me is the caller's own profile)");
		}
	}

	private static void text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.invalidField(field, "required");
		}
		if (value.strip().length() > max) {
			throw ApiProblem.invalidField(field, "at most " + max + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw ApiProblem.invalidField(field, "contains control characters");
			}
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static ApiProblem taken(String slug) {
		return new ApiProblem(ProblemType.SLUG_TAKEN, "The slug '" + slug + "' belongs to another author.")
			.withFieldError("slug", "taken");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
