package news.platform.desk.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A comment in the queue as the page shows it: its text and author, the article it is on, the
 * comment it answers (thread context), the rules that held it ({@code flags}) and the version a
 * decision is made at.
 *
 * @param articleHeadline the article's headline, or null when article-service did not give one
 * @param parent the comment this one answers, or null for a top-level comment
 */
public record QueueItem(String id, long version, String status, String text, String authorId, String authorName,
		Instant createdAt, String articleId, String articleHeadline, Parent parent, List<String> flags, int reportCount,
		String rejectReason) {

	/** The comment answered: enough of it to judge the reply in its context. */
	public record Parent(String authorName, String text, String status) {
	}

	static QueueItem of(JsonNode comment, String articleHeadline, JsonNode parent) {
		List<String> flags = new ArrayList<>();
		comment.path("flags").forEach(flag -> flags.add(flag.asString()));
		return new QueueItem(comment.path("id").asString(), comment.path("version").asLong(),
				comment.path("status").asString(""), comment.path("text").asString(""),
				comment.path("author").path("id").asString(""), comment.path("author").path("name").asString(""),
				instant(comment.path("createdAt")), comment.path("articleId").asString(""), articleHeadline,
				parent == null ? null
						: new Parent(parent.path("author").path("name").asString(null), parent.path("text").asString(""),
								parent.path("status").asString("")),
				List.copyOf(flags), comment.path("reportCount").asInt(0), comment.path("rejectReason").asString(null));
	}

	static Instant instant(JsonNode value) {
		try {
			return value.isString() ? Instant.parse(value.asString()) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
