package news.platform.article.agency;

import java.time.Instant;
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

/**
 * The {@code agency_pictures} collection: one document per agency picture stored as a media item,
 * {@code _id} = the picture's ninjs {@code uri}, so the same picture sent again (a picture item
 * resent, or a picture association of another text item) answers the media item it made, by key,
 * instead of a second fetch and a second media item.
 */
@Component
class AgencyPictureItems {

	static final String COLLECTION = "agency_pictures";

	private final MongoCollection<Document> collection;

	AgencyPictureItems(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	/** The media item made for the picture with this {@code uri}, if one was. */
	Optional<String> mediaId(String uri) {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", uri)).first()).map(d -> d.getString("mediaId"));
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
