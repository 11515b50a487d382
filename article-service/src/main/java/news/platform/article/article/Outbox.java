package news.platform.article.article;

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

import org.springframework.stereotype.Component;

import news.platform.starter.mongodb.QueryShapes;

/**
 * {@code article_outbox}: which articles may hold staged feed events, so the relay reads a handful
 * of keys instead of scanning every article. A marker is written before the article write that
 * stages events (with the revision that write will have); the article stays the commit point.
 * A marker without events (the write lost its race or never happened) is only a wasted lookup.
 */
@Component
public class Outbox {

	public static final String COLLECTION = "article_outbox";

	private final MongoCollection<Document> collection;

	public Outbox(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
	}

	public record Marker(String articleId, long revision, Instant at) {
	}

	void mark(String articleId, long revision, Instant now) {
		this.collection.updateOne(Filters.eq("_id", articleId),
				Updates.combine(Updates.max("revision", revision), Updates.set("at", Date.from(now))),
				new UpdateOptions().upsert(true));
	}

	/** Batch work for the relay: the outbox only holds articles with recent writes. */
	public List<Marker> markers(int limit) {
		List<Marker> markers = new ArrayList<>();
		this.collection.find().limit(limit).forEach(d -> markers.add(new Marker(d.getString("_id"),
				((Number) d.get("revision")).longValue(), d.getDate("at").toInstant())));
		return markers;
	}

	/** Only if no write has marked the article again since {@code marker} was read. */
	public void clear(Marker marker) {
		this.collection.deleteOne(Filters.and(Filters.eq("_id", marker.articleId()),
				Filters.eq("revision", marker.revision()), Filters.eq("at", Date.from(marker.at()))));
	}

}
