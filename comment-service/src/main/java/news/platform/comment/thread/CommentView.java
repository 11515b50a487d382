package news.platform.comment.thread;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.annotation.JsonSerialize;

import news.platform.comment.web.HtmlSafeString;

/**
 * A comment as served. Readers see text only of visible comments; a deleted or removed comment
 * that has visible replies is a placeholder without text or author. Its author and moderators
 * also see the moderation state ({@code flags}, {@code rejectReason}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentView(String id, String articleId, String parentId, String inReplyTo, Author author,
		@JsonSerialize(using = HtmlSafeString.class) String text, String status, Instant createdAt,
		Instant editedAt, Boolean edited, Long version, Map<String, Long> reactions, Long reactionCount,
		Integer replyCount, List<CommentView> replies, String moreReplies, List<String> flags, Integer reportCount,
		@JsonSerialize(using = HtmlSafeString.class) String rejectReason) {

	public record Author(String id, @JsonSerialize(using = HtmlSafeString.class) String name) {
	}

	/** As readers see it in a thread. */
	static CommentView reader(Comment comment, Integer replyCount, List<CommentView> replies, String moreReplies) {
		if (comment.visible()) {
			return new CommentView(comment.id(), comment.articleId(), comment.parentId(), comment.inReplyTo(),
					new Author(comment.authorId(), comment.authorName()), comment.text(), "visible",
					comment.createdAt(), comment.editedAt(), comment.editedAt() != null, comment.version(),
					comment.reactions(), comment.reactionCount(), replyCount, replies, moreReplies, null, null, null);
		}
		String placeholder = comment.status() == CommentStatus.DELETED ? "deleted" : "removed";
		return new CommentView(comment.id(), comment.articleId(), comment.parentId(), comment.inReplyTo(), null, null,
				placeholder, comment.createdAt(), null, null, null, null, null, replyCount, replies, moreReplies, null,
				null, null);
	}

	/** As its author and moderators see it: everything, whatever its state. */
	public static CommentView full(Comment comment) {
		return new CommentView(comment.id(), comment.articleId(), comment.parentId(), comment.inReplyTo(),
				new Author(comment.authorId(), comment.authorName()), comment.text(),
				comment.status().name().toLowerCase(Locale.ROOT), comment.createdAt(), comment.editedAt(),
				comment.editedAt() != null, comment.version(), comment.reactions(), comment.reactionCount(), null, null,
				null, comment.flags(), comment.reportCount(), comment.rejectReason());
	}

}
