package news.platform.autoconfigure.feed.follow;

import java.util.List;
import java.util.function.LongSupplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * The last seq applied, in the consumer's own database ({@code feed_cursors}, one document per
 * consumer, keyed by its name). It only moves forward ({@code $max}), so replicas following the
 * same feed never move it back, and a restart resumes where the last apply ended; applying the
 * event again after a crash between apply and advance must change nothing (handlers are
 * idempotent).
 */
public final class StoredFeedCursor implements FeedCursor {

	public static final String COLLECTION = "feed_cursors";

	private final MongoCollection<Document> collection;

	private final String id;

	public StoredFeedCursor(MongoDatabase database, String id, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.id = id;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	@Override
	public long resume(LongSupplier head) {
		return current();
	}

	public long current() {
		Document document = this.collection.find(Filters.eq("_id", this.id)).first();
		return document == null ? 0 : document.get("seq", Number.class).longValue();
	}

	@Override
	public void advance(long seq) {
		this.collection.updateOne(Filters.eq("_id", this.id), Updates.max("seq", seq), new UpdateOptions().upsert(true));
	}

	@Override
	public String toString() {
		return COLLECTION + "/" + this.id;
	}

}
