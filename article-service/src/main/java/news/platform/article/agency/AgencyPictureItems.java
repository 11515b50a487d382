package news.platform.article.agency;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * The {@code agency_pictures} collection: one document per agency picture stored as a media item,
 * {@code _id} = the picture's ninjs {@code uri}, so the same picture sent again (a picture item
 * resent, or a picture association of another text item) answers the media item it made, by key,
 * instead of a second fetch and a second media item.
 */
@Component
public class AgencyPictureItems {

	static final String COLLECTION = "agency_pictures";

	static final String MEDIA_ID_INDEX = "mediaId_1";

	private final MongoCollection<Document> collection;

	AgencyPictureItems(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(MEDIA_ID_INDEX, "mediaId"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("mediaId"), List.of(), MEDIA_ID_INDEX);
	}

	/** The media item made for the picture with this {@code uri}, if one was. */
	Optional<String> mediaId(String uri) {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", uri)).first()).map(d -> d.getString("mediaId"));
	}

	/**
	 * Forgets the pictures stored as these media items: media-service's clean-up asked about them
	 * and nothing names them, so it deletes them next; the same picture sent again then makes a new
	 * media item instead of answering a deleted one. Forgetting one the clean-up then keeps (it was
	 * used in between) costs at most a second media item for the same picture.
	 *
	 * @return how many were forgotten
	 */
	public long forget(Collection<String> mediaIds) {
		if (mediaIds.isEmpty()) {
			return 0;
		}
		return this.collection.deleteMany(Filters.in("mediaId", mediaIds)).getDeletedCount();
	}

	/**
	 * Remembers that {@code uri} is the media item {@code mediaId}; when another request stored the
	 * same picture a moment earlier, answers that one's media item (the one made here stays unused,
	 * and media-service's clean-up removes it).
	 */
	String keep(String uri, String mediaId, String version, String storedBy, Instant now) {
		try {
			this.collection.insertOne(new Document("_id", uri).append("mediaId", mediaId)
				.append("version", version)
				.append("storedBy", storedBy)
				.append("storedAt", Date.from(now)));
			return mediaId;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return mediaId(uri).orElse(mediaId);
			}
			throw ex;
		}
	}

}
