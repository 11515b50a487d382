package news.platform.media.usage;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.starter.mongodb.QueryShapes;

import static com.mongodb.client.model.Filters.eq;

/** The last article-feed seq applied, in media's own database ({@code feed_cursor}, one document). */
@Component
class FeedCursor {

	static final String COLLECTION = "feed_cursor";

	private static final String ID = "article-events";

	private final MongoCollection<Document> cursors;

	FeedCursor(MongoDatabase database, QueryShapes shapes) {
		this.cursors = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	long last() {
		Document document = this.cursors.find(eq("_id", ID)).first();
		return document == null ? 0 : ((Number) document.get("seq")).longValue();
	}

	void save(long seq) {
		this.cursors.updateOne(eq("_id", ID), new Document("$max", new Document("seq", seq)),
				new UpdateOptions().upsert(true));
	}

}
