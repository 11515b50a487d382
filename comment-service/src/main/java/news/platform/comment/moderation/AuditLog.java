package news.platform.comment.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.comment.web.Caller;

/**
 * Every moderation action: who, when, what, on which comment or user, why. The entry is first
 * pushed into the comment's (or user's) own document in the same write as the action (the commit
 * point), then copied here under the same id for the moderators' log (idempotent upsert).
 */
@Component
class AuditLog {

	static final String COLLECTION = "moderation_audit";

	static final String BY_COMMENT = "commentId_at";

	static final String BY_USER = "userId_at";

	private final MongoCollection<Document> collection;

	public record Entry(String id, Instant at, String actor, String action, String commentId, String articleId,
			String userId, String reason, String from, String to) {
	}

	AuditLog(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(BY_COMMENT, "commentId", "at"),
				DeclaredIndex.of(BY_USER, "userId", "at"));
		shapes.register(COLLECTION, List.of("commentId"), List.of("at"), BY_COMMENT);
		shapes.register(COLLECTION, List.of("userId"), List.of("at"), BY_USER);
	}

	public static Document entry(Caller actor, String action, String commentId, String articleId, String userId,
			String reason, String from, String to) {
		return new Document("_id", UUID.randomUUID().toString()).append("at", new Date())
			.append("actor", actor.subject())
			.append("action", action)
			.append("commentId", commentId)
			.append("articleId", articleId)
			.append("userId", userId)
			.append("reason", reason)
			.append("from", from)
			.append("to", to);
	}

	public void record(Document entry) {
		this.collection.replaceOne(Filters.eq("_id", entry.getString("_id")), entry, new ReplaceOptions().upsert(true));
	}

	public List<Entry> ofComment(String commentId, int limit) {
		return find(Filters.eq("commentId", commentId), limit);
	}

	public List<Entry> ofUser(String userId, int limit) {
		return find(Filters.eq("userId", userId), limit);
	}

	private List<Entry> find(org.bson.conversions.Bson filter, int limit) {
		List<Entry> entries = new ArrayList<>();
		this.collection.find(filter).sort(Sorts.descending("at")).limit(limit).forEach(document -> entries.add(
				new Entry(document.getString("_id"), document.getDate("at").toInstant(), document.getString("actor"),
						document.getString("action"), document.getString("commentId"), document.getString("articleId"),
						document.getString("userId"), document.getString("reason"), document.getString("from"),
						document.getString("to"))));
		return entries;
	}

}
