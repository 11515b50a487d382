package news.platform.comment.articlestate;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.starter.mongodb.QueryShapes;

/**
 * The last feed seq applied, in comment-service's own database ({@code feed_cursors}, one
 * document per feed). It only moves forward ({@code $max}), so replicas following the same feed
 * never move it back, and a restart resumes where the last apply ended.
 */
@Component
public class FeedCursor {

	static final String COLLECTION = "feed_cursors";

	static final String ARTICLE_FEED = "article-feed";

	private final MongoCollection<Document> collection;

	FeedCursor(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	public long current() {
		Document document = this.collection.find(Filters.eq("_id", ARTICLE_FEED)).first();
		return document == null ? 0 : document.get("seq", Number.class).longValue();
	}

	void advanceTo(long seq) {
		this.collection.updateOne(Filters.eq("_id", ARTICLE_FEED), Updates.max("seq", seq),
				new UpdateOptions().upsert(true));
	}

}
