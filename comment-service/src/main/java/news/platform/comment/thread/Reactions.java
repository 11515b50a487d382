package news.platform.comment.thread;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.comment.web.Caller;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * One reaction per user per comment ({@code comment_reactions}, {@code _id} = comment id + "/" +
 * user): setting the same reaction again changes nothing, setting another one moves the count
 * from the old type to the new. Counts on the comment derive from these documents.
 */
@Component
class Reactions {

	static final String COLLECTION = "comment_reactions";

	private final MongoCollection<Document> collection;

	private final Comments comments;

	private final CommentChanges changes;

	private final CommentSettings settings;

	record Summary(String commentId, Map<String, Long> reactions, long reactionCount, String mine) {
	}

	Reactions(MongoDatabase database, QueryShapes shapes, Comments comments, CommentChanges changes,
			CommentSettings settings) {
		this.collection = database.getCollection(COLLECTION);
		this.comments = comments;
		this.changes = changes;
		this.settings = settings;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	Summary react(Caller caller, Comment comment, String type) {
		List<String> types = this.settings.current().reactionTypes();
		if (type == null || !types.contains(type)) {
			throw ApiProblem.invalidField("type", "one of " + types);
		}
		if (!comment.visible()) {
			throw Commenting.stateConflict(comment);
		}
		Document before = this.collection.findOneAndUpdate(Filters.eq("_id", key(comment.id(), caller.subject())),
				Updates.set("type", type), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
		String previous = before == null ? null : before.getString("type");
		if (type.equals(previous)) {
			return new Summary(comment.id(), comment.reactions(), comment.reactionCount(), type);
		}
		Map<String, Long> deltas = new LinkedHashMap<>();
		deltas.put(type, 1L);
		if (previous != null) {
			deltas.put(previous, -1L);
		}
		Comment after = this.comments.addReactions(comment.id(), deltas).orElse(comment);
		this.changes.reacted(after);
		return new Summary(after.id(), after.reactions(), after.reactionCount(), type);
	}

	Summary remove(Caller caller, Comment comment) {
		Document removed = this.collection.findOneAndDelete(Filters.eq("_id", key(comment.id(), caller.subject())));
		if (removed == null) {
			return new Summary(comment.id(), comment.reactions(), comment.reactionCount(), null);
		}
		Comment after = this.comments.addReactions(comment.id(), Map.of(removed.getString("type"), -1L))
			.orElse(comment);
		this.changes.reacted(after);
		return new Summary(after.id(), after.reactions(), after.reactionCount(), null);
	}

	private static String key(String commentId, String subject) {
		return commentId + "/" + subject;
	}

}
