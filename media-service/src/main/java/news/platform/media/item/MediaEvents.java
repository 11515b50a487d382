package news.platform.media.item;

import org.bson.Document;

/**
 * The vocabulary of media-service's own feed ({@code /internal/v1/media/events}, subject field
 * {@code mediaId}): every write of an item stages one of these inside the item document, in the
 * same update, and the platform's relay moves it into the feed. Replicas follow it in-process to
 * keep their photo library index current. The {@code data} is small on purpose: a consumer that
 * keeps state reads the item by key (the event says that it changed and in which order).
 */
public final class MediaEvents {

	/** The feed's name in its URL. */
	public static final String FEED = "media";

	public static final String SUBJECT = "mediaId";

	public static final int SCHEMA_VERSION = 1;

	/** An upload stored a new item. */
	public static final String CREATED = "media.created";

	/** Metadata changed (alt, caption, credit, copyright, source, focal point, tags). */
	public static final String UPDATED = "media.updated";

	/** The item is gone (deleted by a person or by the clean-up job). */
	public static final String DELETED = "media.deleted";

	/** The number of articles naming the item changed (from the article feed). */
	public static final String USAGE_CHANGED = "media.usage-changed";

	private MediaEvents() {
	}

	static Document data(long version, Integer usageCount) {
		Document data = new Document("version", version);
		if (usageCount != null) {
			data.append("usageCount", usageCount);
		}
		return data;
	}

}
