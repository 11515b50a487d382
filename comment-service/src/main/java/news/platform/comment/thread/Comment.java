package news.platform.comment.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * One stored comment ({@code comments}, {@code _id} = comment id). The document is the commit
 * point of every change to the comment, moderation history included; counts and projections
 * derive from it. {@code version} moves on edits, deletion and moderation (optimistic locking);
 * {@code rev} moves on every change, reactions and reports too (projections keep the newest).
 */
public record Comment(String id, String articleId, String parentId, String inReplyTo, int depth, String authorId,
		String authorName, String text, CommentStatus status, Instant createdAt, Instant editedAt, long version,
		long rev, Map<String, Long> reactions, long reactionCount, int reportCount, List<String> flags,
		String rejectReason, String requestHash) {

	public boolean visible() {
		return this.status == CommentStatus.VISIBLE;
	}

	Document toDocument() {
		return new Document("_id", this.id).append("articleId", this.articleId)
			.append("parentId", this.parentId)
			.append("inReplyTo", this.inReplyTo)
			.append("depth", this.depth)
			.append("authorId", this.authorId)
			.append("authorName", this.authorName)
			.append("text", this.text)
			.append("status", this.status.name())
			.append("createdAt", Date.from(this.createdAt))
			.append("editedAt", this.editedAt == null ? null : Date.from(this.editedAt))
			.append("version", this.version)
			.append("rev", this.rev)
			.append("reactions", new Document(new LinkedHashMap<>(this.reactions)))
			.append("reactionCount", this.reactionCount)
			.append("reportCount", this.reportCount)
			.append("flags", this.flags)
			.append("rejectReason", this.rejectReason)
			.append("requestHash", this.requestHash)
			.append("history", new ArrayList<>());
	}

	static Comment from(Document document) {
		Map<String, Long> reactions = new LinkedHashMap<>();
		Document stored = document.get("reactions", Document.class);
		if (stored != null) {
			stored.forEach((type, count) -> {
				long value = ((Number) count).longValue();
				if (value > 0) {
					reactions.put(type, value);
				}
			});
		}
		Date edited = document.getDate("editedAt");
		@SuppressWarnings("unchecked")
		List<String> flags = document.get("flags", List.class);
		return new Comment(document.getString("_id"), document.getString("articleId"), document.getString("parentId"),
				document.getString("inReplyTo"), number(document, "depth").intValue(), document.getString("authorId"),
				document.getString("authorName"), document.getString("text"),
				CommentStatus.valueOf(document.getString("status")), document.getDate("createdAt").toInstant(),
				edited == null ? null : edited.toInstant(), number(document, "version").longValue(),
				number(document, "rev").longValue(), reactions, number(document, "reactionCount").longValue(),
				number(document, "reportCount").intValue(), flags == null ? List.of() : List.copyOf(flags),
				document.getString("rejectReason"), document.getString("requestHash"));
	}

	private static Number number(Document document, String field) {
		Number value = document.get(field, Number.class);
		return value == null ? 0 : value;
	}

}
