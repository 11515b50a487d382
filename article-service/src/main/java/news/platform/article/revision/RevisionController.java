package news.platform.article.revision;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.editing.ArticleEditing;
import news.platform.article.access.Caller;
import news.platform.article.editing.StaffArticleView;
import news.platform.article.editing.StaffViews;
import news.platform.article.editing.Versions;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.naming.Label;
import news.platform.article.story.Article;
import news.platform.article.tag.TagDirectory;
import news.platform.autoconfigure.problem.ApiProblem;

/** Revisions of an article, for staff who may see it: list, read one back, diff two. */
@RestController
@RequestMapping(path = "/api/v1/articles/{id}/revisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Revisions")
class RevisionController {

	private static final int MAX_LISTED = 200;

	private final Revisions revisions;

	private final ArticleEditing editing;

	private final StaffViews views;

	private final TagDirectory tags;

	private final AuthorDirectory authors;

	RevisionController(Revisions revisions, ArticleEditing editing, StaffViews views, TagDirectory tags,
			AuthorDirectory authors) {
		this.revisions = revisions;
		this.editing = editing;
		this.views = views;
		this.tags = tags;
		this.authors = authors;
	}

	/** {@code note}: a return's reason, or which revision a restore brought back. */
	record RevisionSummary(long revision, Instant savedAt, String savedBy, String action, String note,
			String status, String headline) {
	}

	record RevisionView(long revision, Instant savedAt, String savedBy, String action, String note,
			StaffArticleView article) {
	}

	@GetMapping
	@Operation(summary = "The newest 200 revisions, newest first (staff who may see the article)")
	List<RevisionSummary> list(@PathVariable String id) {
		Article current = staffRead(id);
		return this.revisions.list(current, MAX_LISTED)
			.stream()
			.map(r -> new RevisionSummary(r.revision(), r.savedAt(), r.savedBy(), r.action(), r.note(),
					r.article().status().name(), r.article().headline()))
			.toList();
	}

	@GetMapping("/{revision}")
	@Operation(summary = "One revision as it was saved")
	RevisionView read(@PathVariable String id, @PathVariable long revision) {
		Revisions.Revision found = find(staffRead(id), revision, "revision");
		return new RevisionView(found.revision(), found.savedAt(), found.savedBy(), found.action(), found.note(),
				this.views.snapshot(found.article()));
	}

	@PostMapping("/{revision}/restore")
	@Operation(summary = "Restore an earlier revision's content as a new revision (editor, admin; If-Match required)",
			description = "Headline, standfirst, body, byline, section, tags, source, picture, language and comment settings come back; status, slug and embargo stay. A revision that does not exist answers 404 naming 'revision'.")
	ResponseEntity<StaffArticleView> restore(@PathVariable String id, @PathVariable long revision,
			@Parameter(description = "The ETag (revision) the restore is based on: required; missing → 428, stale → 412") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Caller caller = Caller.current();
		Article current = staffRead(id);
		Versions.required(ifMatch);
		Revisions.Revision earlier = find(current, revision, "revision");
		Article restored = this.editing.restore(id, earlier.article(), ifMatch, caller);
		return ResponseEntity.ok()
			.eTag(Versions.etag(restored.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(restored, caller));
	}

	@GetMapping("/diff")
	@Operation(summary = "Field changes and a block-level text diff between two revisions",
			description = "Tags and authors are compared and shown by their names now (a renamed or merged tag under its current name; free text of older revisions as written).")
	RevisionDiff.Diff diff(@PathVariable String id, @RequestParam long from, @RequestParam long to) {
		Article current = staffRead(id);
		Revisions.Revision a = find(current, from, "from");
		Revisions.Revision b = find(current, to, "to");
		return RevisionDiff.between(from, a.article(), to, b.article(), refs -> names(this.tags.labels(refs)),
				refs -> names(this.authors.labels(refs)));
	}

	private static List<String> names(List<Label> labels) {
		return labels.stream().map(Label::name).toList();
	}

	private Revisions.Revision find(Article current, long revision, String field) {
		if (revision < 1 || revision > current.revision()) {
			throw ApiProblem.notFound("Revision", "Article " + current.id() + " has revisions 1 to "
					+ current.revision() + ".").withFieldError(field, "no such revision");
		}
		return this.revisions.find(current, revision)
			.orElseThrow(() -> ApiProblem.notFound("Revision", "Revision " + revision + " is not stored."));
	}

	private Article staffRead(String id) {
		Caller caller = Caller.current();
		if (!caller.isStaff()) {
			throw ArticleEditing.notFound(id);
		}
		return this.editing.readForStaff(id, caller);
	}

}
