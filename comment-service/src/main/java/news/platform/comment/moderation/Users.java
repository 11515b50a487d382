package news.platform.comment.moderation;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Each commenter's standing ({@code comment_users}, {@code _id} = the token subject): how many of
 * their comments became visible (the first-comments rule), suspension and ban, and the history of
 * sanctions in the same document (the commit point of a sanction).
 */
@Component
class Users {

	static final String COLLECTION = "comment_users";

	private final MongoCollection<Document> collection;

	public record Standing(String userId, long visibleCount, Instant suspendedUntil, boolean banned, String reason) {

		static Standing none(String userId) {
			return new Standing(userId, 0, null, false, null);
		}

		public boolean suspendedAt(Instant now) {
			return this.suspendedUntil != null && now.isBefore(this.suspendedUntil);
		}

	}

	Users(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	public Standing standing(String userId) {
		Document document = this.collection.find(Filters.eq("_id", userId)).first();
		if (document == null) {
			return Standing.none(userId);
		}
		Number visible = document.get("visibleCount", Number.class);
		Date until = document.getDate("suspendedUntil");
		return new Standing(userId, visible == null ? 0 : visible.longValue(), until == null ? null : until.toInstant(),
				document.getBoolean("banned", false), document.getString("reason"));
	}

	public void countVisible(String userId) {
		this.collection.updateOne(Filters.eq("_id", userId), Updates.inc("visibleCount", 1L),
				new UpdateOptions().upsert(true));
	}

	Standing sanction(String userId, Bson change, Document historyEntry) {
		Document after = this.collection.findOneAndUpdate(Filters.eq("_id", userId),
				Updates.combine(change, Updates.push("history", historyEntry)),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		Date until = after.getDate("suspendedUntil");
		Number visible = after.get("visibleCount", Number.class);
		return new Standing(userId, visible == null ? 0 : visible.longValue(), until == null ? null : until.toInstant(),
				after.getBoolean("banned", false), after.getString("reason"));
	}

}
