package news.platform.comment.moderation;

import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

/** Reader reports, one per reader per comment ({@code comment_reports}, {@code _id} = comment id + "/" + reader). */
@Component
class Reports {

	static final String COLLECTION = "comment_reports";

	private final MongoCollection<Document> collection;

	Reports(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	/** False when this reader reported this comment before. */
	boolean add(String commentId, String reader, String reason) {
		try {
			this.collection.insertOne(new Document("_id", commentId + "/" + reader).append("commentId", commentId)
				.append("reader", reader)
				.append("reason", reason)
				.append("at", new Date()));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
