package news.platform.article.workflow;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Caller;
import news.platform.article.editing.StaffArticleView;
import news.platform.article.editing.StaffViews;
import news.platform.article.editing.Versions;
import news.platform.article.story.Article;

/**
 * Workflow transitions. An illegal one answers 409 naming the current status and the allowed
 * transitions; If-Match is optional here, and a stale one answers 412.
 */
@RestController
@RequestMapping(path = "/api/v1/articles/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Workflow", description = "DRAFT → IN_REVIEW → SCHEDULED/PUBLISHED → UNPUBLISHED")
class WorkflowController {

	private static final String IF_MATCH_DOC = "Optional: the ETag the transition is based on; stale → 412";

	private final Workflow workflow;

	private final StaffViews views;

	WorkflowController(Workflow workflow, StaffViews views) {
		this.workflow = workflow;
		this.views = views;
	}

	record ScheduleRequest(OffsetDateTime at) {
	}

	record CorrectionRequest(String text, OffsetDateTime at) {
	}

	record ReturnRequest(String note) {
	}

	@PostMapping("/submit")
	@Operation(summary = "Submit a draft for review (its journalist, editor, admin)")
	ResponseEntity<StaffArticleView> submit(@PathVariable String id,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return respond(this.workflow.apply(id, Transition.SUBMIT, null, ifMatch, Caller.current()));
	}

	@PostMapping("/reject")
	@Operation(summary = "Send an article in review back to its journalist with a note (editor, admin)",
			description = "Body {\"note\": \"...\"}, required (1-2000 characters): the journalist sees it on the article (returnNote) until resubmitting, and the revision history keeps it.")
	ResponseEntity<StaffArticleView> reject(@PathVariable String id,
			@RequestBody(required = false) ReturnRequest request,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		String note = Workflow.requireNote(request == null ? null : request.note());
		return respond(this.workflow.apply(id, Transition.REJECT, new Workflow.Change(null, null, note), ifMatch,
				Caller.current()));
	}

	@PostMapping("/publish")
	@Operation(summary = "Publish now (editor, admin); with an embargo in the future this schedules at the embargo")
	ResponseEntity<StaffArticleView> publish(@PathVariable String id,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return respond(this.workflow.apply(id, Transition.PUBLISH, null, ifMatch, Caller.current()));
	}

	@PostMapping(path = "/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Schedule publication at a future time with an offset (editor, admin)")
	ResponseEntity<StaffArticleView> schedule(@PathVariable String id, @RequestBody ScheduleRequest request,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return respond(this.workflow.apply(id, Transition.SCHEDULE, new Workflow.Change(request.at(), null), ifMatch,
				Caller.current()));
	}

	@PostMapping("/unschedule")
	@Operation(summary = "Take a scheduled article back to review (editor, admin)")
	ResponseEntity<StaffArticleView> unschedule(@PathVariable String id,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return respond(this.workflow.apply(id, Transition.UNSCHEDULE, null, ifMatch, Caller.current()));
	}

	@PostMapping("/unpublish")
	@Operation(summary = "Withdraw a published article (editor, admin)")
	ResponseEntity<StaffArticleView> unpublish(@PathVariable String id,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return respond(this.workflow.apply(id, Transition.UNPUBLISH, null, ifMatch, Caller.current()));
	}

	@PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a dated public correction note to a published article (editor, admin)")
	ResponseEntity<StaffArticleView> correct(@PathVariable String id, @RequestBody CorrectionRequest request,
			@Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return respond(this.workflow.apply(id, Transition.CORRECT, new Workflow.Change(request.at(), request.text()),
				ifMatch, Caller.current()));
	}

	private ResponseEntity<StaffArticleView> respond(Article article) {
		return ResponseEntity.ok()
			.eTag(Versions.etag(article.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(article, Caller.current()));
	}

}
