package news.platform.site.content;

import java.time.Instant;
import java.util.List;

/**
 * What comment-service shows any reader of an article's thread (its anonymous answer): the records
 * the site reads, apart from comment-service's own, so either side may add fields.
 */
public final class Comments {

	private Comments() {
	}

	/**
	 * One comment as a reader sees it in the thread. A deleted or removed comment that still has
	 * visible replies comes without author and text ({@code status} {@code deleted} or
	 * {@code removed}).
	 *
	 * @param moreReplies the cursor of its replies beyond those nested here, null when none
	 */
	public record Comment(String id, String parentId, String authorName, String text, String status,
			Instant createdAt, boolean edited, long reactionCount, int replyCount, List<Comment> replies,
			String moreReplies) {

		public boolean visible() {
			return "visible".equals(this.status);
		}

	}

	/** A page of top-level comments; {@code next} the cursor of the next page, null on the last. */
	public record ThreadPage(String articleId, String sort, long count, List<Comment> comments, String next) {
	}

	/** More replies of one comment, oldest first. */
	public record RepliesPage(String commentId, String articleId, List<Comment> replies, String next) {
	}

}
