package news.platform.article.tag;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

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
 * Tags: a public page's data once a published story names the tag, staff autocomplete from
 * memory, creation by staff, renames and merges by editors. A tag is addressed by its slug; an old
 * slug (a rename, or a tag merged into another) answers 301 to the current one.
 */
@RestController
@RequestMapping(path = "/api/v1/tags", produces = MediaType.APPLICATION_JSON_VALUE)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags", description = "Public read of a tag readers can see; autocomplete and changes for staff")
class TagController {

	private static final CacheControl PUBLIC = CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();

	private final TagDirectory directory;

	private final TagEditing editing;

	private final ObjectProvider<TagUsage> usage;

	TagController(TagDirectory directory, TagEditing editing, ObjectProvider<TagUsage> usage) {
		this.directory = directory;
		this.editing = editing;
		this.usage = usage;
	}

	/** A tag as clients see it: {@code url} is its page on the site. */
	record TagView(String id, String slug, String name, URI url) {
	}

	@GetMapping
	@Operation(summary = "Autocomplete (staff): tags whose name has a word starting with prefix, Croatian-folded (zag → Zagreb, cac → Čačak), from memory")
	Suggestions.Answer<TagView> suggest(
			@Parameter(description = "1-100 characters; case and diacritics do not matter") @RequestParam(required = false) String prefix,
			@Parameter(description = "1-50, default 10") @RequestParam(required = false) String limit) {
		requireStaff();
		Suggestions.Query query = Suggestions.parse(prefix, limit);
		return new Suggestions.Answer<>(
				this.directory.suggest(query.prefix(), query.limit()).stream().map(this::view).toList());
	}

	@GetMapping("/{slug}")
	@Operation(summary = "A tag by slug (anyone): 404 until a published story past its embargo names it; an old slug answers 301")
	ResponseEntity<TagView> one(@PathVariable String slug) {
		Tag found = visible(slug);
		if (!found.slug().equals(slug)) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/api/v1/tags/" + found.slug()))
				.cacheControl(PUBLIC)
				.build();
		}
		return ResponseEntity.ok().cacheControl(PUBLIC).body(view(found));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a tag (staff): {name, slug?}; the slug comes from the name when left out; a taken slug 409")
	ResponseEntity<TagView> create(@RequestBody TagEditing.Create input) {
		requireStaff();
		Tag created = this.editing.create(input);
		return ResponseEntity.created(URI.create("/api/v1/tags/" + created.slug()))
			.cacheControl(CacheControl.noStore())
			.body(view(created));
	}

	@PatchMapping(path = "/{slug}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rename a tag (editor, admin): {slug?, name?}; the old slug answers 301; articles follow (they store the tag's id); announced as tag.changed")
	TagView rename(@PathVariable String slug, @RequestBody TagEditing.Rename input) {
		requireEditor();
		return view(this.editing.rename(current(slug), input));
	}

	@PostMapping(path = "/{slug}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Merge a tag into another (editor, admin): {into: slug}; its articles and slugs lead to that tag from now on; into itself or a missing tag: 422 naming into")
	TagView merge(@PathVariable String slug, @RequestBody TagEditing.Merge input) {
		requireEditor();
		return view(this.editing.merge(current(slug), input));
	}

	private Tag current(String slug) {
		return this.directory.bySlug(Slugs.isValid(slug) ? slug : null)
			.filter(tag -> tag.slug().equals(slug))
			.orElseThrow(() -> notFound(slug));
	}

	private Tag visible(String slug) {
		Tag tag = this.directory.bySlug(Slugs.isValid(slug) ? slug : null).orElseThrow(() -> notFound(slug));
		TagUsage counter = this.usage.getIfAvailable();
		if (counter == null || !counter.visibleWithTag(this.directory.filterKeys(tag))) {
			// a tag only unpublished or embargoed work names is news in itself: nothing shows
			throw notFound(slug);
		}
		return tag;
	}

	private TagView view(Tag tag) {
		return new TagView(tag.id(), tag.slug(), tag.name(), this.directory.url(tag));
	}

	private static void requireStaff() {
		if (!Caller.current().isStaff()) {
			throw Refusals.forbidden("Only staff use tag autocomplete and create tags.");
		}
	}

	private static void requireEditor() {
		if (!Caller.current().isEditor()) {
			throw Refusals.forbidden("Only editors and admins rename and merge tags.");
		}
	}

	private static ApiProblem notFound(String slug) {
		return ApiProblem.notFound("Tag", "No tag '" + (slug.length() > 130 ? slug.substring(0, 130) : slug) + "'.");
	}


}
