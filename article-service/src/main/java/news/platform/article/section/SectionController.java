package news.platform.article.section;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import news.platform.article.access.Caller;
import news.platform.article.access.Refusals;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.web.VersionPreconditions;

/**
 * Sections: public reads from memory (the whole list as ready bytes, rebuilt when a section
 * changes), changes by editors and admins. A section is addressed by its path
 * ({@code /api/v1/sections/vijesti/hrvatska}); an old path answers 301 to the current one.
 */
@RestController
@RequestMapping(path = "/api/v1/sections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sections", description = "Public reads, cached; changes by editors and admins")
class SectionController {

	private static final Pattern SEGMENT = Pattern.compile("[a-z0-9-]{1,60}");

	private final SectionDirectory directory;

	private final SectionEditing editing;

	private final JsonMapper json;

	private final String cacheControl;

	private volatile Rendered rendered;

	SectionController(SectionDirectory directory, SectionEditing editing, JsonMapper json,
			SectionProperties properties) {
		this.directory = directory;
		this.editing = editing;
		this.json = json;
		this.cacheControl = properties.cacheControl();
	}

	/** One section as clients see it; {@code children} only in the list. */
	record SectionView(String id, String slug, String path, String name, String description, int position,
			String parent, URI url, long revision, List<SectionView> children) {
	}

	record SectionList(List<SectionView> sections) {
	}

	private record Rendered(long version, byte[] body, String etag) {
	}

	@GetMapping
	@Operation(summary = "Every section, top-level in order with their subsections (anyone; cached, strong ETag)")
	ResponseEntity<byte[]> list(ServletWebRequest request) {
		Rendered page = page();
		if (request.checkNotModified(page.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.CACHE_CONTROL, this.cacheControl).build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, this.cacheControl)
			.contentType(MediaType.APPLICATION_JSON)
			.body(page.body());
	}

	@GetMapping({ "/{slug}", "/{parent}/{slug}" })
	@Operation(summary = "One section by its path; an old path answers 301 to the current one")
	ResponseEntity<SectionView> one(@PathVariable(required = false) String parent, @PathVariable String slug,
			HttpServletResponse response) {
		String path = path(parent, slug);
		SectionDirectory.Resolved found = this.directory.resolve(path)
			.filter(resolved -> this.directory.pathsOf(resolved.section().id()).contains(path))
			.orElseThrow(() -> notFound(path));
		if (!found.path().equals(path)) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/api/v1/sections/" + found.path()))
				.header(HttpHeaders.CACHE_CONTROL, this.cacheControl)
				.build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, this.cacheControl)
			.eTag(VersionPreconditions.etag(found.section().revision()))
			.body(view(found, List.of()));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a section (editor, admin): slug, name, optional description, position, parent path")
	ResponseEntity<SectionView> create(@RequestBody SectionEditing.Input input) {
		requireEditor();
		SectionDirectory.Resolved created = this.editing.create(input);
		return ResponseEntity.created(URI.create("/api/v1/sections/" + created.path()))
			.eTag(VersionPreconditions.etag(created.section().revision()))
			.cacheControl(CacheControl.noStore())
			.body(view(created, List.of()));
	}

	@PatchMapping(path = { "/{slug}", "/{parent}/{slug}" }, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a section (editor, admin): fields sent change; a new slug or parent leaves the old path answering 301; parent \"\" makes it top-level")
	ResponseEntity<SectionView> update(@PathVariable(required = false) String parent, @PathVariable String slug,
			@RequestBody SectionEditing.Input input,
			@Parameter(description = "Optional: the section's ETag; stale → 412") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		requireEditor();
		SectionDirectory.Resolved changed = this.editing.update(current(parent, slug), input, ifMatch);
		return ResponseEntity.ok()
			.eTag(VersionPreconditions.etag(changed.section().revision()))
			.cacheControl(CacheControl.noStore())
			.body(view(changed, List.of()));
	}

	@DeleteMapping({ "/{slug}", "/{parent}/{slug}" })
	@Operation(summary = "Delete a section that holds no article and no subsection (editor, admin); 409 section-in-use otherwise")
	ResponseEntity<Void> delete(@PathVariable(required = false) String parent, @PathVariable String slug,
			@Parameter(description = "Optional: the section's ETag; stale → 412") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		requireEditor();
		this.editing.delete(current(parent, slug), ifMatch);
		return ResponseEntity.noContent().build();
	}

	private SectionDirectory.Resolved current(String parent, String slug) {
		String path = path(parent, slug);
		return this.directory.byCurrentPath(path).orElseThrow(() -> notFound(path));
	}

	private Rendered page() {
		long version = this.directory.version();
		Rendered page = this.rendered;
		if (page != null && page.version() == version) {
			return page;
		}
		List<SectionView> sections = this.directory.tree()
			.stream()
			.map(node -> view(new SectionDirectory.Resolved(node.section(), node.path()),
					node.children()
						.stream()
						.map(child -> view(new SectionDirectory.Resolved(child.section(), child.path()), null))
						.toList()))
			.toList();
		byte[] body = this.json.writeValueAsBytes(new SectionList(sections));
		page = new Rendered(version, body, "\"" + sha256(body) + "\"");
		this.rendered = page;
		return page;
	}

	private SectionView view(SectionDirectory.Resolved resolved, List<SectionView> children) {
		Section s = resolved.section();
		String parentPath = s.parentId() == null ? null
				: this.directory.byId(s.parentId()).map(SectionDirectory.Resolved::path).orElse(null);
		return new SectionView(s.id(), s.slug(), resolved.path(), s.name(), s.description(), s.position(), parentPath,
				this.directory.urls().section(resolved.path()), s.revision(), children);
	}

	private static String path(String parent, String slug) {
		if ((parent != null && !SEGMENT.matcher(parent).matches()) || !SEGMENT.matcher(slug).matches()) {
			throw notFound((parent == null ? "" : parent + "/") + slug);
		}
		return parent == null ? slug : parent + "/" + slug;
	}

	private static void requireEditor() {
		if (!Caller.current().isEditor()) {
			throw Refusals.forbidden("Only editors and admins manage sections.");
		}
	}

	private static ApiProblem notFound(String path) {
		return ApiProblem.notFound("Section", "No section at '" + (path.length() > 130 ? path.substring(0, 130) : path) + "'.");
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
