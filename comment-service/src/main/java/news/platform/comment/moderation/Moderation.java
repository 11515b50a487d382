package news.platform.comment.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.CommentSettings;
import news.platform.comment.thread.Comment;
import news.platform.comment.thread.CommentChanges;
import news.platform.comment.thread.CommentStatus;
import news.platform.comment.thread.CommentView;
import news.platform.comment.thread.Comments;
import news.platform.comment.thread.Commenting;
import news.platform.comment.web.Caller;

/**
 * Moderators' actions. Each is one conditional write of the comment (or user) document at the
 * version the moderator saw, with the audit entry pushed in the same write: of two moderators
 * acting on one comment, one wins and the other gets 409.
 */
@Component
class Moderation {

	static final Duration MAX_SUSPENSION = Duration.ofDays(365);

	private final Comments comments;

	private final CommentChanges changes;

	private final Commenting commenting;

	private final Reports reports;

	private final Users users;

	private final AuditLog audit;

	private final ModerationMetrics metrics;

	private final CommentSettings settings;

	private final java.time.Clock clock;

	Moderation(Comments comments, CommentChanges changes, Commenting commenting, Reports reports, Users users,
			AuditLog audit, ModerationMetrics metrics, CommentSettings settings, java.time.Clock clock) {
		this.clock = clock;
		this.comments = comments;
		this.changes = changes;
		this.commenting = commenting;
		this.reports = reports;
		this.users = users;
		this.audit = audit;
		this.metrics = metrics;
		this.settings = settings;
	}

	record QueuePage(String state, List<CommentView> comments, String next) {
	}

	QueuePage queue(String state, String cursor, int limit) {
		CommentStatus status = switch (state) {
			case "pending" -> CommentStatus.PENDING;
			case "reported" -> CommentStatus.REPORTED;
			case "rejected" -> CommentStatus.REJECTED;
			default -> throw ApiProblem.invalidParameter("state", "must be one of pending, reported, rejected");
		};
		Instant afterAt = null;
		String afterId = null;
		if (cursor != null) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
				if (parts.length != 4 || !"q1".equals(parts[0]) || !parts[1].equals(state)
						|| !parts[3].matches("c[a-z2-7]{25}")) {
					throw new IllegalArgumentException();
				}
				afterAt = Instant.ofEpochMilli(Long.parseLong(parts[2]));
				afterId = parts[3];
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidParameter("cursor", "is not a cursor of this queue");
			}
		}
		List<Comment> page = this.comments.queue(status, afterAt, afterId, limit + 1);
		boolean more = page.size() > limit;
		List<Comment> items = more ? page.subList(0, limit) : page;
		String next = null;
		if (more) {
			Comment last = items.get(items.size() - 1);
			next = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("q1|" + state + "|" + last.createdAt().toEpochMilli() + "|" + last.id())
					.getBytes(StandardCharsets.UTF_8));
		}
		return new QueuePage(state, items.stream().map(CommentView::full).toList(), next);
	}

	Comment approve(Caller moderator, String id, Long version, String reason) {
		Comment after = act(moderator, id, version, "approve", reason(reason, false),
				List.of(CommentStatus.PENDING, CommentStatus.REPORTED, CommentStatus.REJECTED), CommentStatus.VISIBLE,
				Updates.combine(Updates.set("status", CommentStatus.VISIBLE.name()), Updates.set("reportCount", 0),
						Updates.unset("rejectReason")));
		this.users.countVisible(after.authorId());
		return after;
	}

	Comment reject(Caller moderator, String id, Long version, String reason) {
		String why = reason(reason, true);
		return act(moderator, id, version, "reject", why,
				List.of(CommentStatus.PENDING, CommentStatus.REPORTED, CommentStatus.VISIBLE), CommentStatus.REJECTED,
				Updates.combine(Updates.set("status", CommentStatus.REJECTED.name()), Updates.set("rejectReason", why)));
	}

	private Comment act(Caller moderator, String id, Long version, String action, String reason,
			List<CommentStatus> from, CommentStatus to, Bson update) {
		if (version == null) {
			throw ApiProblem.invalidField("version", "required: the version you reviewed");
		}
		Comment before = this.commenting.require(id);
		Document entry = AuditLog.entry(moderator, action, id, before.articleId(), before.authorId(), reason,
				before.status().name(), to.name());
		Comment after = this.comments.change(id, version, from, update, entry)
			.orElseThrow(() -> this.commenting.conflict(id, version));
		this.changes.changed(before, after);
		this.audit.record(entry);
		this.metrics.action(action);
		return after;
	}

	record BulkItem(String id, Long version) {
	}

	record BulkRequest(String action, String reason, List<BulkItem> items) {
	}

	record BulkResult(String id, String outcome, Long version, String detail) {
	}

	List<BulkResult> bulk(Caller moderator, BulkRequest request) {
		if (request.action() == null || !List.of("approve", "reject").contains(request.action())) {
			throw ApiProblem.invalidField("action", "approve or reject");
		}
		if (request.items() == null || request.items().isEmpty() || request.items().size() > 100) {
			throw ApiProblem.invalidField("items", "1 to 100 comments");
		}
		for (int i = 0; i < request.items().size(); i++) {
			BulkItem item = request.items().get(i);
			if (item == null || item.id() == null || !item.id().matches("c[a-z2-7]{25}")) {
				throw ApiProblem.invalidField("items[" + i + "].id", "not a comment id");
			}
			if (item.version() == null) {
				throw ApiProblem.invalidField("items[" + i + "].version", "required");
			}
		}
		if ("reject".equals(request.action())) {
			reason(request.reason(), true);
		}
		List<BulkResult> results = new ArrayList<>();
		for (BulkItem item : request.items()) {
			try {
				Comment after = "approve".equals(request.action())
						? approve(moderator, item.id(), item.version(), request.reason())
						: reject(moderator, item.id(), item.version(), request.reason());
				results.add(new BulkResult(item.id(), "done", after.version(), null));
			}
			catch (ApiProblem problem) {
				String outcome = problem.type() == ProblemType.NOT_FOUND ? "not-found" : "conflict";
				results.add(new BulkResult(item.id(), outcome, null, problem.getMessage()));
			}
		}
		return results;
	}

	/** A reader's report; the configured number of distinct reports hides a visible comment for review. */
	Comment report(Caller reader, String id, String reason) {
		Comment comment = this.commenting.require(id);
		String why = reason == null || reason.isBlank() ? null : reason(reason, false);
		if (!this.reports.add(id, reader.subject(), why)) {
			return comment;
		}
		Comment reported = this.comments.addReport(id).orElse(comment);
		if (reported.status() == CommentStatus.VISIBLE && reported.reportCount() >= this.settings.current().hideAfterReports()) {
			Document entry = AuditLog.entry(Caller.SYSTEM, "hide", id, reported.articleId(), reported.authorId(),
					reported.reportCount() + " reader reports", CommentStatus.VISIBLE.name(),
					CommentStatus.REPORTED.name());
			Comment hidden = this.comments
				.change(id, null, List.of(CommentStatus.VISIBLE), Updates.set("status", CommentStatus.REPORTED.name()),
						entry)
				.orElse(null);
			if (hidden != null) {
				this.changes.changed(reported, hidden);
				this.audit.record(entry);
				this.metrics.action("hide");
				return hidden;
			}
		}
		return reported;
	}

	Users.Standing suspend(Caller moderator, String userId, Duration duration, String reason) {
		requireUserId(userId);
		if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SUSPENSION) > 0) {
			throw ApiProblem.invalidField("duration", "an ISO-8601 duration between PT1M and P365D");
		}
		String why = reason(reason, true);
		Instant until = this.clock.instant().plus(duration);
		Document entry = AuditLog.entry(moderator, "suspend", null, null, userId, why, null, "until " + until);
		Users.Standing standing = this.users.sanction(userId,
				Updates.combine(Updates.set("suspendedUntil", Date.from(until)), Updates.set("reason", why)), entry);
		this.audit.record(entry);
		this.metrics.action("suspend");
		return standing;
	}

	Users.Standing ban(Caller moderator, String userId, String reason) {
		requireUserId(userId);
		String why = reason(reason, true);
		Document entry = AuditLog.entry(moderator, "ban", null, null, userId, why, null, "banned");
		Users.Standing standing = this.users.sanction(userId,
				Updates.combine(Updates.set("banned", true), Updates.set("reason", why)), entry);
		this.audit.record(entry);
		this.metrics.action("ban");
		return standing;
	}

	Users.Standing restore(Caller moderator, String userId, String reason) {
		requireUserId(userId);
		String why = reason(reason, true);
		Document entry = AuditLog.entry(moderator, "restore", null, null, userId, why, null, "restored");
		Users.Standing standing = this.users.sanction(userId, Updates.combine(Updates.set("banned", false),
				Updates.unset("suspendedUntil"), Updates.set("reason", why)), entry);
		this.audit.record(entry);
		this.metrics.action("restore");
		return standing;
	}

	private static void requireUserId(String userId) {
		if (userId == null || userId.isBlank() || userId.length() > 200 || userId.startsWith("$")) {
			throw ApiProblem.invalidField("userId", "not a user id");
		}
	}

	private static String reason(String reason, boolean required) {
		if (reason == null || reason.isBlank()) {
			if (required) {
				throw ApiProblem.invalidField("reason", "required");
			}
			return null;
		}
		String stripped = reason.strip();
		if (stripped.length() > 500) {
			throw ApiProblem.invalidField("reason", "at most 500 characters");
		}
		if (stripped.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
				|| Character.getType(cp) == Character.FORMAT)) {
			throw ApiProblem.invalidField("reason", "contains invisible or control characters");
		}
		return stripped;
	}

}
