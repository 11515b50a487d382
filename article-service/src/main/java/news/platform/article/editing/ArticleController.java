package news.platform.article.editing;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Caller;
import news.platform.article.story.Article;

/** The newsroom's editing API: staff create, change and delete articles. */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Editing", description = "Staff only. Updates need If-Match with the article's ETag (its revision).")
class ArticleController {

	private final ArticleEditing editing;

	private final StaffViews views;

	ArticleController(ArticleEditing editing, StaffViews views) {
		this.editing = editing;
		this.views = views;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a draft (journalist, editor, admin); the slug comes from the headline unless given")
	ResponseEntity<StaffArticleView> create(@RequestBody ArticleInput input) {
		Caller caller = Caller.current();
		Article article = this.editing.create(input, caller);
		return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
			.eTag(Versions.etag(article.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(article, caller));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace the editable fields (editors: any article; journalists: own drafts)")
	ResponseEntity<StaffArticleView> replace(@PathVariable String id, @RequestBody ArticleInput input,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(description = AUTOSAVE_DOC) @RequestParam(defaultValue = "false") boolean autosave) {
		Caller caller = Caller.current();
		return saved(this.editing.update(id, input, ifMatch, false, autosave, caller), caller);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change the fields sent; absent fields keep their value")
	ResponseEntity<StaffArticleView> patch(@PathVariable String id, @RequestBody ArticleInput input,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Parameter(description = AUTOSAVE_DOC) @RequestParam(defaultValue = "false") boolean autosave) {
		Caller caller = Caller.current();
		return saved(this.editing.update(id, input, ifMatch, true, autosave, caller), caller);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete (editor, admin); readers get 404 and consumers an article.deleted event")
	ResponseEntity<Void> delete(@PathVariable String id,
			@Parameter(description = "Optional: the ETag the deletion is based on") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.editing.delete(id, ifMatch, Caller.current());
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<StaffArticleView> saved(Article article, Caller caller) {
		return ResponseEntity.ok()
			.eTag(Versions.etag(article.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(article, caller));
	}

	static final String AUTOSAVE_DOC = "true for an editor's automatic save: the ETag moves on as for any save, but "
			+ "one person's autosaves within 10 minutes keep a single entry in the revision history (an explicit "
			+ "save, a workflow action or someone else's save starts a new one)";

	static final String IF_MATCH_DOC = "The ETag (revision) the change is based on: required; missing → 428, stale → 412";

}
