package news.platform.site.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * comment-service's public thread API, anonymously: what every reader sees, so the answer can go
 * into the cached page. Never a reader's own view (pending comments, their reactions): that is
 * fetched apart, with the reader's token.
 */
public final class CommentApi {

	/** comment-service's article ids (its {@code Commenting.ARTICLE_ID}). */
	public static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** comment-service's comment ids. */
	public static final Pattern COMMENT_ID = Pattern.compile("c[a-z2-7]{25}");

	/** Its keyset cursors: URL-safe Base64. */
	public static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,300}");

	/** The thread's orders, as comment-service names them. */
	public static final List<String> ORDERS = List.of("newest", "oldest", "reactions");

	private final Upstream upstream;

	CommentApi(Upstream upstream) {
		this.upstream = upstream;
	}

	/**
	 * One page of an article's thread ({@code GET /api/v1/comments/articles/{id}}); empty when
	 * comment-service does not know the article or refuses the cursor.
	 */
	public Optional<Comments.ThreadPage> thread(String articleId, String sort, int limit, String cursor) {
		if (!ARTICLE_ID.matcher(articleId).matches() || !ORDERS.contains(sort)
				|| (cursor != null && !CURSOR.matcher(cursor).matches())) {
			return Optional.empty();
		}
		StringBuilder path = new StringBuilder("/api/v1/comments/articles/").append(articleId)
			.append("?sort=")
			.append(sort)
			.append("&limit=")
			.append(limit);
		if (cursor != null) {
			path.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
		}
		Upstream.Reply reply = this.upstream.get(path.toString());
		if (!reply.ok() || reply.body() == null) {
			return Optional.empty();
		}
		JsonNode body = reply.body();
		long count = Math.max(0, Json.integer(body, "count", 0));
		return Optional.of(new Comments.ThreadPage(articleId, sort, count, comments(body, "comments"),
				cursorOf(body, "next")));
	}

	/** More replies of one comment ({@code GET /api/v1/comments/{id}/replies}); empty when unknown. */
	public Optional<Comments.RepliesPage> replies(String commentId, int limit, String cursor) {
		if (!COMMENT_ID.matcher(commentId).matches() || (cursor != null && !CURSOR.matcher(cursor).matches())) {
			return Optional.empty();
		}
		String path = "/api/v1/comments/" + commentId + "/replies?limit=" + limit
				+ (cursor == null ? "" : "&cursor=" + cursor);
		Upstream.Reply reply = this.upstream.get(path);
		if (!reply.ok() || reply.body() == null) {
			return Optional.empty();
		}
		List<Comments.Comment> replies = comments(reply.body(), "replies");
		String articleId = null;
		for (JsonNode node : Json.array(reply.body(), "replies")) {
			articleId = Json.text(node, "articleId");
			break;
		}
		return Optional.of(new Comments.RepliesPage(commentId, articleId, replies, cursorOf(reply.body(), "next")));
	}

	private static List<Comments.Comment> comments(JsonNode body, String field) {
		List<Comments.Comment> comments = new ArrayList<>();
		for (JsonNode node : Json.array(body, field)) {
			Comments.Comment comment = comment(node);
			if (comment != null) {
				comments.add(comment);
			}
		}
		return comments;
	}

	private static Comments.Comment comment(JsonNode node) {
		String id = Json.text(node, "id");
		if (id == null || !COMMENT_ID.matcher(id).matches()) {
			return null;
		}
		String status = Json.text(node, "status");
		JsonNode author = node.get("author");
		long reactions = node.has("reactionCount") && node.get("reactionCount").isNumber()
				? node.get("reactionCount").asLong() : 0;
		return new Comments.Comment(id, Json.text(node, "parentId"), Json.text(author, "name"),
				Json.text(node, "text"), status == null ? "visible" : status, Json.instant(node, "createdAt"),
				Json.bool(node, "edited"), reactions, Math.max(0, Json.integer(node, "replyCount", 0)),
				comments(node, "replies"), cursorOf(node, "moreReplies"));
	}

	private static String cursorOf(JsonNode node, String field) {
		String cursor = Json.text(node, field);
		return cursor != null && CURSOR.matcher(cursor).matches() ? cursor : null;
	}

}
