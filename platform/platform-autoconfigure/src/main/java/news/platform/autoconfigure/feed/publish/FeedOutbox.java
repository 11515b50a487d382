package news.platform.autoconfigure.feed.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Which source documents may hold staged events, so the relay reads a handful of keys instead of
 * scanning the source collection. A marker is written before the write that stages events (with
 * the revision that write will have); the source document stays the commit point. A marker
 * without events (the write lost its race or never happened) is only a wasted lookup.
 */
final class FeedOutbox {

	private final MongoCollection<Document> collection;

	FeedOutbox(MongoDatabase database, String collection, QueryShapes shapes) {
		this.collection = database.getCollection(collection);
		shapes.register(collection, List.of("_id"), List.of(), "_id_");
		shapes.register(collection, List.of(), List.of(), "_id_");
	}

	record Marker(String subjectId, long revision, Instant at) {
	}

	void mark(String subjectId, long revision, Instant now) {
		this.collection.updateOne(Filters.eq("_id", subjectId),
				Updates.combine(Updates.max("revision", revision), Updates.set("at", Date.from(now))),
				new UpdateOptions().upsert(true));
	}

	/** Batch work for the relay: the outbox only holds documents with recent writes. */
	List<Marker> markers(int limit) {
		List<Marker> markers = new ArrayList<>();
		this.collection.find().limit(limit).forEach(d -> markers.add(new Marker(d.getString("_id"),
				((Number) d.get("revision")).longValue(), d.getDate("at").toInstant())));
		return markers;
	}

	/** Only if no write has marked the document again since {@code marker} was read. */
	void clear(Marker marker) {
		this.collection.deleteOne(Filters.and(Filters.eq("_id", marker.subjectId()),
				Filters.eq("revision", marker.revision()), Filters.eq("at", Date.from(marker.at()))));
	}

}
