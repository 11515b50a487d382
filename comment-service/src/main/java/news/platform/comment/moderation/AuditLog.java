package news.platform.comment.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
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

	static final String BY_TARGET = "target_at";

	/** The {@code target} of entries about the moderation settings (word lists, section policies). */
	static final String SETTINGS = "moderation-settings";

	private final MongoCollection<Document> collection;

	/**
	 * One entry as served. {@code target} and {@code changes} belong to entries about the
	 * moderation settings (what was added, removed or changed, before and after) and are left out
	 * of the others.
	 */
	public record Entry(String id, Instant at, String actor, String action, String commentId, String articleId,
			String userId, String reason, String from, String to,
			@JsonInclude(JsonInclude.Include.NON_NULL) String target,
			@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> changes) {
	}

	AuditLog(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(BY_COMMENT, "commentId", "at"),
				DeclaredIndex.of(BY_USER, "userId", "at"), DeclaredIndex.of(BY_TARGET, "target", "at"));
		shapes.register(COLLECTION, List.of("commentId"), List.of("at"), BY_COMMENT);
		shapes.register(COLLECTION, List.of("userId"), List.of("at"), BY_USER);
		shapes.register(COLLECTION, List.of("target"), List.of("at"), BY_TARGET);
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

	/**
	 * An entry about the moderation settings: who ({@code actor}), when, which action, the
	 * revision before and after, and {@code changes} (words added and removed per list, section
	 * policies before and after).
	 */
	static Document settingsEntry(Caller actor, String action, long fromRevision, long toRevision, Document changes,
			String reason) {
		return new Document("_id", UUID.randomUUID().toString()).append("at", new Date())
			.append("actor", actor.subject())
			.append("action", action)
			.append("target", SETTINGS)
			.append("reason", reason)
			.append("from", "revision " + fromRevision)
			.append("to", "revision " + toRevision)
			.append("changes", changes);
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

	/** Changes of the moderation settings, newest first. */
	List<Entry> ofSettings(int limit) {
		return find(Filters.eq("target", SETTINGS), limit);
	}

	private List<Entry> find(org.bson.conversions.Bson filter, int limit) {
		List<Entry> entries = new ArrayList<>();
		this.collection.find(filter).sort(Sorts.descending("at")).limit(limit).forEach(document -> entries.add(
				new Entry(document.getString("_id"), document.getDate("at").toInstant(), document.getString("actor"),
						document.getString("action"), document.getString("commentId"), document.getString("articleId"),
						document.getString("userId"), document.getString("reason"), document.getString("from"),
						document.getString("to"), document.getString("target"), plain(document.get("changes", Document.class)))));
		return entries;
	}

	/** Nested documents as plain maps, for JSON. */
	private static Map<String, Object> plain(Document document) {
		if (document == null) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		document.forEach((key, value) -> map.put(key, value instanceof Document nested ? plain(nested) : value));
		return map;
	}

}
