package news.platform.media.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** The {@code media_items} collection: one document per upload, keyed by its id. */
@Component
public class MediaItems {

	static final String COLLECTION = "media_items";

	private final MongoCollection<Document> items;

	public MediaItems(MongoDatabase database, QueryShapes shapes) {
		this.items = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("_id", "version"), List.of(), "_id_");
	}

	public void insert(MediaItem item) {
		this.items.insertOne(toDocument(item));
	}

	public MediaItem find(String id) {
		Document document = this.items.find(eq("_id", id)).first();
		return document == null ? null : fromDocument(document);
	}

	/**
	 * Applies {@code changes} when the stored version is still {@code expectedVersion}, moving the
	 * version on; null when the version did not match (or the item is gone).
	 */
	public MediaItem update(String id, long expectedVersion, Document changes, Instant now) {
		Document set = new Document(changes).append("updatedAt", Date.from(now));
		Document updated = this.items.findOneAndUpdate(and(eq("_id", id), eq("version", expectedVersion)),
				new Document("$set", set).append("$inc", new Document("version", 1L)),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		return updated == null ? null : fromDocument(updated);
	}

	public boolean delete(String id) {
		return this.items.deleteOne(eq("_id", id)).getDeletedCount() == 1;
	}

	public long count() {
		return this.items.countDocuments();
	}

	static Document toDocument(MediaItem item) {
		return new Document("_id", item.id()).append("version", item.version())
			.append("hash", item.hash())
			.append("mediaType", item.mediaType())
			.append("width", item.width())
			.append("height", item.height())
			.append("byteSize", item.byteSize())
			.append("orientation", item.orientation())
			.append("alt", item.alt())
			.append("caption", item.caption())
			.append("credit", item.credit())
			.append("copyright", item.copyright())
			.append("source", item.source())
			.append("focalX", item.focalX())
			.append("focalY", item.focalY())
			.append("tags", new ArrayList<>(item.tags()))
			.append("uploadedBy", item.uploadedBy())
			.append("createdAt", Date.from(item.createdAt()))
			.append("updatedAt", Date.from(item.updatedAt()))
			.append("blurHash", item.blurHash())
			.append("dominantColour", item.dominantColour());
	}

	static MediaItem fromDocument(Document d) {
		return new MediaItem(d.getString("_id"), ((Number) d.get("version")).longValue(), d.getString("hash"),
				d.getString("mediaType"), d.getInteger("width"), d.getInteger("height"),
				((Number) d.get("byteSize")).longValue(), d.getInteger("orientation", 1), d.getString("alt"),
				d.getString("caption"), d.getString("credit"), d.getString("copyright"), d.getString("source"),
				((Number) d.get("focalX")).doubleValue(), ((Number) d.get("focalY")).doubleValue(),
				d.getList("tags", String.class), d.getString("uploadedBy"), d.getDate("createdAt").toInstant(),
				d.getDate("updatedAt").toInstant(), d.getString("blurHash"), d.getString("dominantColour"));
	}

}
