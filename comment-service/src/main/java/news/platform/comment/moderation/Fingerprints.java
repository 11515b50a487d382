package news.platform.comment.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Repeated identical text: one document per user and folded text ({@code comment_fingerprints},
 * {@code _id} = hash of both), so "has this user posted this before, lately" is one key lookup.
 */
@Component
class Fingerprints {

	static final String COLLECTION = "comment_fingerprints";

	private final MongoCollection<Document> collection;

	Fingerprints(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	/**
	 * Records this text for the user; true when they posted the same text within {@code window} as
	 * another comment (retries of one idempotent post share its comment id and do not count).
	 */
	boolean seenRecently(String userId, String text, String commentId, Instant now, Duration window) {
		String key = hash(userId + "\n" + CroatianFolding.fold(text).strip().replaceAll("\\s+", " "));
		Document before = this.collection.findOneAndUpdate(Filters.eq("_id", key),
				Updates.combine(Updates.set("lastAt", Date.from(now)), Updates.set("commentId", commentId),
						Updates.inc("count", 1)),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
		return before != null && before.getDate("lastAt") != null && !commentId.equals(before.getString("commentId"))
				&& before.getDate("lastAt").toInstant().isAfter(now.minus(window));
	}

	private static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
