package news.platform.comment.moderation;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.thread.CommentView;
import news.platform.comment.web.Caller;

/** The moderation API: role moderator, editor or admin (enforced by the security rules on the path). */
@RestController
@RequestMapping(path = "/api/v1/comments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Moderation")
class ModerationController {

	private final Moderation moderation;

	private final AuditLog audit;

	ModerationController(Moderation moderation, AuditLog audit) {
		this.moderation = moderation;
		this.audit = audit;
	}

	record Decision(Long version, String reason) {
	}

	record Suspension(Duration duration, String reason) {
	}

	record Sanction(String reason) {
	}

	record Report(String reason) {
	}

	record BulkResponse(List<Moderation.BulkResult> results) {
	}

	record AuditResponse(List<AuditLog.Entry> entries) {
	}

	@GetMapping("/moderation/queue")
	@Operation(summary = "The queue of one state (pending, reported, rejected), oldest first")
	Moderation.QueuePage queue(@RequestParam(defaultValue = "pending") String state,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 200) {
			throw ApiProblem.invalidParameter("limit", "must be between 1 and 200");
		}
		return this.moderation.queue(state, cursor, limit);
	}

	@PostMapping(path = "/moderation/comments/{commentId}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approve at the version reviewed: {version, reason?}; 409 if someone acted first")
	CommentView approve(@PathVariable String commentId, @RequestBody Decision decision) {
		return CommentView.full(this.moderation.approve(Caller.current(), commentId, decision.version(), decision.reason()));
	}

	@PostMapping(path = "/moderation/comments/{commentId}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Reject with a reason at the version reviewed: {version, reason}; 409 if someone acted first")
	CommentView reject(@PathVariable String commentId, @RequestBody Decision decision) {
		return CommentView.full(this.moderation.reject(Caller.current(), commentId, decision.version(), decision.reason()));
	}

	@PostMapping(path = "/moderation/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approve or reject up to 100 comments: {action, reason, items: [{id, version}]}; a result per item")
	BulkResponse bulk(@RequestBody Moderation.BulkRequest request) {
		return new BulkResponse(this.moderation.bulk(Caller.current(), request));
	}

	@PostMapping(path = "/moderation/users/{userId}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Suspend a user from posting: {duration: ISO-8601 (PT24H), reason}")
	Users.Standing suspend(@PathVariable String userId, @RequestBody Suspension request) {
		return this.moderation.suspend(Caller.current(), userId, request.duration(), request.reason());
	}

	@PostMapping(path = "/moderation/users/{userId}/ban", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ban a user from posting: {reason}")
	Users.Standing ban(@PathVariable String userId, @RequestBody Sanction request) {
		return this.moderation.ban(Caller.current(), userId, request.reason());
	}

	@PostMapping(path = "/moderation/users/{userId}/restore", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Lift a ban or suspension: {reason}")
	Users.Standing restore(@PathVariable String userId, @RequestBody Sanction request) {
		return this.moderation.restore(Caller.current(), userId, request.reason());
	}

	@GetMapping("/moderation/audit")
	@Operation(summary = "Audit log of one comment (commentId=), one user (userId=) or the moderation settings (target=moderation-settings), newest first")
	AuditResponse audit(@RequestParam(required = false) String commentId,
			@RequestParam(required = false) String userId, @RequestParam(required = false) String target) {
		int given = (commentId == null ? 0 : 1) + (userId == null ? 0 : 1) + (target == null ? 0 : 1);
		if (given != 1) {
			throw ApiProblem.invalidParameter("commentId",
					"give exactly one of commentId, userId and target=" + AuditLog.SETTINGS);
		}
		if (target != null) {
			if (!AuditLog.SETTINGS.equals(target)) {
				throw ApiProblem.invalidParameter("target", "must be " + AuditLog.SETTINGS);
			}
			return new AuditResponse(this.audit.ofSettings(200));
		}
		if (commentId != null) {
			if (!commentId.matches("c[a-z2-7]{25}")) {
				throw ApiProblem.invalidParameter("commentId", "is not a comment id");
			}
			return new AuditResponse(this.audit.ofComment(commentId, 200));
		}
		return new AuditResponse(this.audit.ofUser(userId, 200));
	}

	@PostMapping(path = "/{commentId}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Report a comment (any signed-in user, once per comment); enough reports hide it for review")
	ResponseEntity<Void> report(@PathVariable String commentId, @RequestBody Report request) {
		Caller caller = Caller.current();
		if (caller == null) {
			throw new ApiProblem(ProblemType.UNAUTHORIZED, "Sign in to report.");
		}
		this.moderation.report(caller, commentId, request.reason());
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

}
