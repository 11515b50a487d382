package news.platform.media.rendition;

import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import com.mongodb.client.model.Filters;
import org.bson.types.Binary;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

import static com.mongodb.client.model.Filters.eq;

/**
 * Made renditions, keyed by everything that decides their bytes ({@code _id} = rendition key:
 * original hash, size, fit, focal point, format, encoder settings), so a rendition is made once
 * for all replicas and restarts. Renditions larger than a document allows are only cached.
 */
@Component
class Renditions {

	static final String COLLECTION = "renditions";

	/** Below MongoDB's 16 MiB document limit with room for the other fields. */
	static final int MAX_STORED_BYTES = 15 * 1024 * 1024;

	private final MongoCollection<Document> renditions;

	Renditions(MongoDatabase database, QueryShapes shapes) {
		this.renditions = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	Rendition find(String key) {
		Document d = this.renditions.find(eq("_id", key)).first();
		if (d == null) {
			return null;
		}
		return new Rendition(key, d.get("bytes", Binary.class).getData(), d.getString("contentType"),
				d.getString("etag"), d.getDate("createdAt").toInstant(), d.getInteger("width"), d.getInteger("height"));
	}

	void save(Rendition rendition) {
		if (rendition.bytes().length > MAX_STORED_BYTES) {
			return;
		}
		try {
			this.renditions.insertOne(new Document("_id", rendition.key()).append("bytes", new Binary(rendition.bytes()))
				.append("contentType", rendition.contentType())
				.append("etag", rendition.etag())
				.append("createdAt", Date.from(rendition.createdAt()))
				.append("width", rendition.width())
				.append("height", rendition.height()));
		}
		catch (MongoWriteException ex) {
			// another replica made the same rendition first; its bytes are equivalent
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	/**
	 * Batch work of the clean-up job: removes every stored rendition of the original {@code hash}
	 * (their keys start with the key version and the hash, an {@code _id} prefix) and answers the
	 * bytes they held.
	 */
	long deleteOf(String hash) {
		long bytes = 0;
		List<String> keys = new java.util.ArrayList<>();
		for (Document d : this.renditions.find(Filters.regex("_id", "^" + Rendering.KEY_VERSION + ":" + hash + ":"))
			.projection(new Document("bytes", 1))) {
			keys.add(d.getString("_id"));
			Binary data = d.get("bytes", Binary.class);
			bytes += data == null ? 0 : data.length();
		}
		if (!keys.isEmpty()) {
			this.renditions.deleteMany(Filters.in("_id", keys));
		}
		return bytes;
	}

	long count() {
		return this.renditions.countDocuments();
	}

}
