package news.platform.article.author;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Caller;
import news.platform.article.access.Refusals;
import news.platform.article.naming.Suggestions;
import news.platform.article.slug.Slugs;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Author profiles: the public profile by slug (once a published story names the author, or when
 * the profile is marked public), staff autocomplete from memory, a staff user's own profile made
 * from their token, contributor profiles and changes by editors. An old slug answers 301.
 */
@RestController
@RequestMapping(path = "/api/v1/authors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authors", description = "Public profiles; autocomplete and profiles for staff")
class AuthorController {

	private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

	private final AuthorDirectory directory;

	private final AuthorEditing editing;

	private final ObjectProvider<AuthorUsage> usage;

	AuthorController(AuthorDirectory directory, AuthorEditing editing, ObjectProvider<AuthorUsage> usage) {
		this.directory = directory;
		this.editing = editing;
		this.usage = usage;
	}

	/** A public profile: {@code url} is the author's page on the site. */
	record AuthorView(String id, String slug, String name, String bio, String photoMediaId, List<String> links,
			URI url) {
	}

	/** What staff see of a profile: also whether it is public before any story names it, and its user. */
	record StaffAuthorView(String id, String slug, String name, String bio, String photoMediaId, List<String> links,
			URI url, @com.fasterxml.jackson.annotation.JsonProperty("public") boolean publicProfile, String userId,
			long revision) {
	}

	/** An autocomplete item. */
	record Suggestion(String id, String slug, String name) {
	}

	@GetMapping
	@Operation(summary = "Autocomplete (staff): profiles whose name has a word starting with prefix, Croatian-folded (hor → Ivan Horvat), from memory")
	Suggestions.Answer<Suggestion> suggest(
			@Parameter(description = "1-100 characters; case and diacritics do not matter") @RequestParam(required = false) String prefix,
			@Parameter(description = "1-50, default 10") @RequestParam(required = false) String limit) {
		requireStaff();
		Suggestions.Query query = Suggestions.parse(prefix, limit);
		return new Suggestions.Answer<>(this.directory.suggest(query.prefix(), query.limit())
			.stream()
			.map(a -> new Suggestion(a.id(), a.slug(), a.name()))
			.toList());
	}

	@GetMapping("/me")
	@Operation(summary = "The caller's own profile (staff); 404 until made")
	StaffAuthorView me() {
		Caller caller = requireStaff();
		return staffView(this.directory.byUser(caller.subject())
			.orElseThrow(() -> ApiProblem.notFound("Author", "You have no profile yet: POST /api/v1/authors/me makes it.")));
	}

	@PostMapping("/me")
	@Operation(summary = "Make the caller's own profile from the token's sub and name (staff): 201 when made, 200 when it exists")
	ResponseEntity<StaffAuthorView> makeMine() {
		Caller caller = requireStaff();
		AuthorEditing.Mine mine = this.editing.mine(caller.subject(), caller.identity().name());
		return ResponseEntity.status(mine.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/authors/" + mine.author().slug()))
			.cacheControl(CacheControl.noStore())
			.body(staffView(mine.author()));
	}

	@PatchMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the caller's own profile (staff; made first if missing): {slug?, name?, bio?, photoMediaId?, links?, public?}")
	StaffAuthorView changeMine(@RequestBody AuthorEditing.Input input) {
		Caller caller = requireStaff();
		Author mine = this.editing.mine(caller.subject(), caller.identity().name()).author();
		return staffView(this.editing.update(mine, input));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make a contributor's profile (editor, admin): {name, slug?, bio?, photoMediaId?, links?, public?}")
	ResponseEntity<StaffAuthorView> create(@RequestBody AuthorEditing.Input input) {
		requireEditor();
		Author created = this.editing.create(input);
		return ResponseEntity.created(URI.create("/api/v1/authors/" + created.slug()))
			.cacheControl(CacheControl.noStore())
			.body(staffView(created));
	}

	@PatchMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a profile (editor, admin; or the staff user it belongs to); a new slug leaves the old one answering 301; announced as author.changed")
	StaffAuthorView update(@PathVariable String slug, @RequestBody AuthorEditing.Input input) {
		Caller caller = requireStaff();
		Author author = this.directory.bySlug(Slugs.isValid(slug) ? slug : null)
			.filter(a -> a.slug().equals(slug))
			.orElseThrow(() -> notFound(slug));
		if (!caller.isEditor() && !caller.subject().equals(author.userId())) {
			throw Refusals.forbidden("Only editors and admins change another's profile.");
		}
		return staffView(this.editing.update(author, input));
	}

	@GetMapping("/{slug}")
	@Operation(summary = "A public profile by slug (anyone): 404 until a published story past its embargo names the author, unless the profile is public; an old slug answers 301")
	ResponseEntity<AuthorView> one(@PathVariable String slug) {
		Author author = this.directory.bySlug(Slugs.isValid(slug) ? slug : null).orElseThrow(() -> notFound(slug));
		AuthorUsage counter = this.usage.getIfAvailable();
		if (!author.publicProfile() && (counter == null || !counter.visibleWithAuthor(author.id()))) {
			throw notFound(slug);
		}
		if (!author.slug().equals(slug)) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/api/v1/authors/" + author.slug()))
				.cacheControl(PUBLIC)
				.build();
		}
		return ResponseEntity.ok()
			.cacheControl(PUBLIC)
			.body(new AuthorView(author.id(), author.slug(), author.name(), author.bio(), author.photoMediaId(),
					author.links(), this.directory.url(author)));
	}

	private StaffAuthorView staffView(Author a) {
		return new StaffAuthorView(a.id(), a.slug(), a.name(), a.bio(), a.photoMediaId(), a.links(),
				this.directory.url(a), a.publicProfile(), a.userId(), a.revision());
	}

	private static Caller requireStaff() {
		Caller caller = Caller.current();
		if (!caller.isStaff()) {
			throw Refusals.forbidden("Only staff manage author profiles and use autocomplete.");
		}
		return caller;
	}

	private static void requireEditor() {
		if (!Caller.current().isEditor()) {
			throw Refusals.forbidden("Only editors and admins make contributor profiles.");
		}
	}

	private static ApiProblem notFound(String slug) {
		return ApiProblem.notFound("Author", "No author '" + (slug.length() > 130 ? slug.substring(0, 130) : slug) + "'.");
	}

}
