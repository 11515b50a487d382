package news.platform.comment.thread;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

import news.platform.comment.web.Caller;

/**
 * What the rules of commenting ask of moderation: whether the poster may post now, what the
 * automatic rules decide about a text, and what follows a stored post or a moderator's deletion
 * (the poster's standing, the audit log, the metrics). The {@code moderation} package implements
 * it. Moderators act on stored comments, so {@code moderation} depends on this package; this
 * package reaches moderation only through this interface, and the dependency points one way.
 */
public interface CommentModeration {

	/** The poster, if they may post now; otherwise throws the problem they get (banned, suspended). */
	Poster admit(String userId, Instant now);

	/**
	 * How long after an article's first publication its section's threads close by themselves (the
	 * section's policy), or null for never.
	 */
	java.time.Duration closeAfter(String section);

	/** The automatic rules' decision for a new comment on an article of {@code section}. */
	Decision screen(Poster poster, String commentId, String text, String section, Instant now);

	/** The rules for an edit: words and links only; {@code REJECTED} means the edit is refused. */
	Decision screenEdit(String text);

	/** A new comment was stored as its decision said: standing, audit log and metrics follow. */
	void posted(Comment comment, Poster poster);

	/** A post was refused before anything was stored. */
	void refused(boolean rateLimited);

	/**
	 * The audit entry of a moderator deleting someone else's comment, pushed into the comment in
	 * the same write as the deletion (the commit point).
	 */
	Document deletionEntry(Caller moderator, Comment comment);

	/** The deletion carrying {@code entry} was stored: the entry is copied to the moderators' log. */
	void deleted(Document entry);

	/** @param visibleCount how many of the poster's comments became visible so far (the first-comments rule) */
	record Poster(String userId, long visibleCount) {
	}

	/** @param flags the rules that fired, for the moderators */
	record Decision(CommentStatus status, List<String> flags) {
	}

}
