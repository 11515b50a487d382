package news.platform.article.agency;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Caller;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.editing.StaffArticleView;
import news.platform.article.editing.StaffViews;
import news.platform.article.editing.Versions;
import news.platform.article.importing.ImportDrafts;
import news.platform.article.ninjs.NinjsItem;
import news.platform.article.ninjs.NinjsMapper;
import news.platform.article.story.Article;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

import tools.jackson.databind.json.JsonMapper;

/**
 * An article's agency item: what the agency said, and the pending update of a published story,
 * which only an editor's decision turns into a change of what readers see.
 */
@RestController
@RequestMapping(path = "/api/v1/articles/{id}/agency", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Import", description = "Staff only: plain text or IPTC ninjs 2.x in, a DRAFT out")
class AgencyController {

	private final AgencyItems items;

	private final ArticleEditing editing;

	private final ImportDrafts drafts;

	private final StaffViews views;

	private final JsonMapper json;

	private final Clock clock;

	AgencyController(AgencyItems items, ArticleEditing editing, ImportDrafts drafts, StaffViews views,
			JsonMapper json, Clock clock) {
		this.items = items;
		this.clock = clock;
		this.editing = editing;
		this.drafts = drafts;
		this.views = views;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "Staff: the article's agency item (uri, version, withdrawn, flagged, the pending update); 404 when it came from none")
	ResponseEntity<AgencyView> agency(@PathVariable String id) {
		Caller caller = Caller.current();
		requireStaff(caller);
		Article article = this.editing.readForStaff(id, caller);
		AgencyState state = state(article.id());
		return ResponseEntity.ok()
			.eTag(Versions.etag(article.revision()))
			.cacheControl(CacheControl.noStore())
			.body(AgencyView.of(state, article));
	}

	@PostMapping("/pending-update/apply")
	@Operation(summary = "Editors: apply the agency's pending update to the published story (If-Match: the article's ETag)",
			description = "The agency's headline, standfirst, body, byline, source and language become a new revision "
					+ "under the rules of an edit; section, tags, slug, picture and comment settings stay. 404 when "
					+ "nothing is pending, 428 without If-Match, 412 when stale.")
	ResponseEntity<StaffArticleView> apply(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Caller caller = Caller.current();
		requireEditor(caller);
		long expected = Versions.required(ifMatch);
		Article article = this.editing.readForStaff(id, caller);
		PendingUpdate pending = pending(article.id());
		if (article.revision() != expected) {
			throw Versions.stale(expected, article.revision());
		}
		NinjsItem item = NinjsMapper.item(this.json.readTree(pending.item()));
		Article updated = this.editing.update(article.id(), this.drafts.content(item.draft(), article), ifMatch, false, false,
				caller);
		this.items.recordVersion(article.id(), item.version(), item.versionCreated(), item.pubstatus(),
				updated.updatedAt());
		this.items.dropPending(article.id(), pending, updated.updatedAt());
		return ResponseEntity.ok()
			.eTag(Versions.etag(updated.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(updated, caller));
	}

	@DeleteMapping("/pending-update")
	@Operation(summary = "Editors: discard the agency's pending update (If-Match: the article's ETag); the story stays as it is",
			description = "204; 404 when nothing is pending, 428 without If-Match, 412 when stale.")
	ResponseEntity<Void> discard(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Caller caller = Caller.current();
		requireEditor(caller);
		long expected = Versions.required(ifMatch);
		Article article = this.editing.readForStaff(id, caller);
		PendingUpdate pending = pending(article.id());
		if (article.revision() != expected) {
			throw Versions.stale(expected, article.revision());
		}
		if (!this.items.dropPending(article.id(), pending, this.clock.instant())) {
			throw new ApiProblem(ProblemType.STALE_VERSION,
					"A newer agency update arrived meanwhile; look at it before discarding.");
		}
		return ResponseEntity.noContent().build();
	}

	private AgencyState state(String articleId) {
		return this.items.byArticle(articleId)
			.orElseThrow(() -> ApiProblem.notFound("Agency item", "This article did not come from an agency item."));
	}

	private PendingUpdate pending(String articleId) {
		PendingUpdate pending = state(articleId).pending();
		if (pending == null) {
			throw ApiProblem.notFound("Pending update", "No agency update is pending for this article.");
		}
		return pending;
	}

	private static void requireStaff(Caller caller) {
		if (!caller.isStaff()) {
			throw ArticleEditing.forbidden("Only newsroom staff see agency items.");
		}
	}

	private static void requireEditor(Caller caller) {
		if (!caller.isEditor()) {
			throw ArticleEditing.forbidden("Only editors apply or discard an agency's update of a published story.");
		}
	}

}
