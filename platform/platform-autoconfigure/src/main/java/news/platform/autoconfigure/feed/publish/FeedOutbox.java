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
 * scanning the source collections. A marker is written before the write that stages events (with
 * the revision that write will have); the source document stays the commit point. A marker
 * without events (the write lost its race or never happened) is only a wasted lookup. Markers of
 * the main source collection are keyed by the document's id; those of the others by
 * {@code <collection>:<id>}.
 */
final class FeedOutbox {

	private final MongoCollection<Document> collection;

	private final String mainSource;

	FeedOutbox(MongoDatabase database, String collection, String mainSource, QueryShapes shapes) {
		this.collection = database.getCollection(collection);
		this.mainSource = mainSource;
		shapes.register(collection, List.of("_id"), List.of(), "_id_");
		shapes.register(collection, List.of(), List.of(), "_id_");
	}

	/** A marked document: its collection and id, the revision the marked write gives it, when. */
	record Marker(String key, String source, String subjectId, long revision, Instant at) {
	}

	void mark(String source, String subjectId, long revision, Instant now) {
		String key = key(source, subjectId);
		Document set = new Document("at", Date.from(now));
		if (!source.equals(this.mainSource)) {
			set.append("collection", source).append("documentId", subjectId);
		}
		this.collection.updateOne(Filters.eq("_id", key),
				Updates.combine(Updates.max("revision", revision), new Document("$set", set)),
				new UpdateOptions().upsert(true));
	}

	/** Batch work for the relay: the outbox only holds documents with recent writes. */
	List<Marker> markers(int limit) {
		List<Marker> markers = new ArrayList<>();
		this.collection.find().limit(limit).forEach(d -> {
			String source = d.getString("collection") != null ? d.getString("collection") : this.mainSource;
			String id = d.getString("documentId") != null ? d.getString("documentId") : d.getString("_id");
			markers.add(new Marker(d.getString("_id"), source, id, ((Number) d.get("revision")).longValue(),
					d.getDate("at").toInstant()));
		});
		return markers;
	}

	/** Only if no write has marked the document again since {@code marker} was read. */
	void clear(Marker marker) {
		this.collection.deleteOne(Filters.and(Filters.eq("_id", marker.key()),
				Filters.eq("revision", marker.revision()), Filters.eq("at", Date.from(marker.at()))));
	}

	private String key(String source, String id) {
		return source.equals(this.mainSource) ? id : source + ":" + id;
	}

}
