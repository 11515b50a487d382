package news.platform.comment.moderation;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.thread.Comment;
import news.platform.comment.thread.CommentModeration;
import news.platform.comment.web.Caller;

/**
 * Moderation's side of posting, editing and deleting ({@link CommentModeration}): the poster's
 * standing, the automatic rules, and the audit entries and metrics of what the rules or a
 * moderator did to a new comment.
 */
@Component
class Screening implements CommentModeration {

	private final Users users;

	private final AutoModeration rules;

	private final AuditLog audit;

	private final ModerationMetrics metrics;

	private final ModerationRules settings;

	Screening(Users users, AutoModeration rules, AuditLog audit, ModerationMetrics metrics,
			ModerationRules settings) {
		this.users = users;
		this.rules = rules;
		this.audit = audit;
		this.metrics = metrics;
		this.settings = settings;
	}

	@Override
	public Duration closeAfter(String section) {
		return this.settings.current().settings().policy(section).closeAfter();
	}

	@Override
	public Poster admit(String userId, Instant now) {
		Users.Standing standing = this.users.standing(userId);
		if (standing.banned()) {
			throw new ApiProblem(ProblemType.USER_BANNED, "This account may not post comments.");
		}
		if (standing.suspendedAt(now)) {
			throw new ApiProblem(ProblemType.USER_SUSPENDED,
					"This account may post comments again from " + standing.suspendedUntil() + ".");
		}
		return new Poster(userId, standing.visibleCount());
	}

	@Override
	public Decision screen(Poster poster, String commentId, String text, String section, Instant now) {
		return this.rules.decide(poster.userId(), commentId, poster.visibleCount(), text, section, now);
	}

	@Override
	public Decision screenEdit(String text) {
		return this.rules.decideEdit(text);
	}

	@Override
	public void posted(Comment comment, Poster poster) {
		switch (comment.status()) {
			case VISIBLE -> {
				// the count only feeds the first-comments rule: once past it, no write is needed
				if (poster.visibleCount() < this.settings.current().settings().mostFirstCommentsHeld()) {
					this.users.countVisible(poster.userId());
				}
				this.metrics.posted("visible");
			}
			case PENDING -> {
				this.metrics.posted("pending");
				this.metrics.action("hold");
				this.audit.record(AuditLog.entry(Caller.SYSTEM, "hold", comment.id(), comment.articleId(),
						poster.userId(), String.join(", ", comment.flags()), null, "PENDING"));
			}
			default -> {
				this.metrics.posted("rejected");
				this.metrics.action("reject");
				this.audit.record(AuditLog.entry(Caller.SYSTEM, "reject", comment.id(), comment.articleId(),
						poster.userId(), comment.rejectReason(), null, "REJECTED"));
			}
		}
	}

	@Override
	public void refused(boolean rateLimited) {
		this.metrics.posted(rateLimited ? "rate_limited" : "refused");
	}

	@Override
	public Document deletionEntry(Caller moderator, Comment comment) {
		return AuditLog.entry(moderator, "delete", comment.id(), comment.articleId(), comment.authorId(),
				"deleted by a moderator", comment.status().name(), "DELETED");
	}

	@Override
	public void deleted(Document entry) {
		this.audit.record(entry);
		this.metrics.action("delete");
	}

}
