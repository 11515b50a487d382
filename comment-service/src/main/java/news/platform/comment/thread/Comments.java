package news.platform.comment.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/** The {@code comments} collection: every query it answers and the named index each uses. */
@Component
public class Comments {

	static final String COLLECTION = "comments";

	static final String BY_ARTICLE = "articleId_createdAt";

	static final String BY_STATUS = "status_createdAt";

	private final MongoCollection<Document> collection;

	Comments(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(BY_ARTICLE, "articleId", "createdAt"),
				DeclaredIndex.of(BY_STATUS, "status", "createdAt", "_id"));
		// one comment by id, and the batch read of several: $in of keys on _id (a key lookup per id,
		// also on the embedded server, whose unique _id index answers $in by key)
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		// loading one article's thread into the projection (on a projection miss only)
		shapes.register(COLLECTION, List.of("articleId"), List.of(), BY_ARTICLE);
		// the moderation queue by state, oldest first, keyset paged; the queue gauges
		shapes.register(COLLECTION, List.of("status", "createdAt"), List.of("createdAt", "_id"), BY_STATUS);
	}

	/** False when a comment with this id exists already (a retried idempotent post). */
	boolean insert(Comment comment) {
		try {
			this.collection.insertOne(comment.toDocument());
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	public Optional<Comment> find(String id) {
		Document document = this.collection.find(Filters.eq("_id", id)).first();
		return Optional.ofNullable(document).map(Comment::from);
	}

	/** Several comments by id in one read, in no particular order; ids that do not exist are left out. */
	List<Comment> findAll(Collection<String> ids) {
		List<Comment> comments = new ArrayList<>(ids.size());
		if (!ids.isEmpty()) {
			this.collection.find(Filters.in("_id", ids)).forEach(document -> comments.add(Comment.from(document)));
		}
		return comments;
	}

	List<Comment> ofArticle(String articleId) {
		List<Comment> comments = new ArrayList<>();
		this.collection.find(Filters.eq("articleId", articleId)).forEach(document -> comments.add(Comment.from(document)));
		return comments;
	}

	/** The queue of one state, oldest first, after a keyset position (or from the start). */
	public List<Comment> queue(CommentStatus status, Instant afterCreatedAt, String afterId, int limit) {
		Bson filter = Filters.eq("status", status.name());
		if (afterCreatedAt != null) {
			Date after = Date.from(afterCreatedAt);
			filter = Filters.and(filter, Filters.or(Filters.gt("createdAt", after),
					Filters.and(Filters.eq("createdAt", after), Filters.gt("_id", afterId))));
		}
		List<Comment> comments = new ArrayList<>();
		this.collection.find(filter)
			.sort(Sorts.ascending("createdAt", "_id"))
			.limit(limit)
			.forEach(document -> comments.add(Comment.from(document)));
		return comments;
	}

	/** Count and oldest creation time of one state (gauges; batch work). */
	public long count(CommentStatus status) {
		return this.collection.countDocuments(Filters.eq("status", status.name()));
	}

	public Optional<Instant> oldest(CommentStatus status) {
		Document first = this.collection.find(Filters.eq("status", status.name()))
			.sort(Sorts.ascending("createdAt", "_id"))
			.limit(1)
			.first();
		return Optional.ofNullable(first).map(document -> document.getDate("createdAt").toInstant());
	}

	/**
	 * One conditional change: applies when the comment is at {@code expectedVersion} (any version
	 * when null) and in one of {@code from}; moves version and rev on. Empty when the condition
	 * failed (the caller reads again to say why).
	 */
	public Optional<Comment> change(String id, Long expectedVersion, List<CommentStatus> from, Bson update,
			Document historyEntry) {
		List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("_id", id),
				Filters.in("status", from.stream().map(Enum::name).toList())));
		if (expectedVersion != null) {
			conditions.add(Filters.eq("version", expectedVersion));
		}
		List<Bson> updates = new ArrayList<>(List.of(update, Updates.inc("version", 1L), Updates.inc("rev", 1L)));
		if (historyEntry != null) {
			updates.add(Updates.push("history", historyEntry));
		}
		Document after = this.collection.findOneAndUpdate(Filters.and(conditions), Updates.combine(updates),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(after).map(Comment::from);
	}

	/** Reaction counts move without touching {@code version}: reacting never conflicts with an edit. */
	Optional<Comment> addReactions(String id, Map<String, Long> deltas) {
		List<Bson> updates = new ArrayList<>();
		long total = 0;
		for (Map.Entry<String, Long> delta : deltas.entrySet()) {
			updates.add(Updates.inc("reactions." + delta.getKey(), delta.getValue()));
			total += delta.getValue();
		}
		updates.add(Updates.inc("reactionCount", total));
		updates.add(Updates.inc("rev", 1L));
		Document after = this.collection.findOneAndUpdate(Filters.eq("_id", id), Updates.combine(updates),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(after).map(Comment::from);
	}

	/** One more distinct report. */
	public Optional<Comment> addReport(String id) {
		Document after = this.collection.findOneAndUpdate(Filters.eq("_id", id),
				Updates.combine(Updates.inc("reportCount", 1), Updates.inc("rev", 1L)),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return Optional.ofNullable(after).map(Comment::from);
	}

	/** Bulk seeding for the benchmark and tests: ordered=false, one round trip per batch. */
	public void insertAll(List<Comment> comments) {
		if (!comments.isEmpty()) {
			this.collection.insertMany(comments.stream().map(Comment::toDocument).toList(),
					new com.mongodb.client.model.InsertManyOptions().ordered(false));
		}
	}

}
