package news.platform.article.feed;

import java.time.Instant;
import java.util.ArrayList;
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

import news.platform.starter.mongodb.QueryShapes;
import news.platform.starter.mongodb.QueryShapes.DeclaredIndex;

/**
 * {@code events}: the article feed, {@code _id} = seq (1, 2, 3 … no gaps), so a consumer reads
 * after+1 … after+n by key. {@code eventId} is unique: the same staged event can never enter twice.
 */
@Component
public class FeedEvents {

	public static final String COLLECTION = "events";

	static final String EVENT_ID_INDEX = "eventId_unique";

	private final MongoCollection<Document> collection;

	public FeedEvents(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.unique(EVENT_ID_INDEX, "eventId"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("eventId"), List.of(), EVENT_ID_INDEX);
	}

	enum Insert {
		INSERTED, SEQ_TAKEN, ALREADY_RELAYED
	}

	/**
	 * The highest seq. Seqs are dense, so this is a galloping then binary search over key lookups
	 * (about 2·log2(n) of them), which stays fast where a sort would scan (the embedded server).
	 */
	public long head() {
		if (!exists(1)) {
			return 0;
		}
		long low = 1;
		long high = 2;
		while (exists(high)) {
			low = high;
			high *= 2;
		}
		// exists(low), !exists(high)
		while (high - low > 1) {
			long middle = low + (high - low) / 2;
			if (exists(middle)) {
				low = middle;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private boolean exists(long seq) {
		return this.collection.find(Filters.eq("_id", seq)).projection(new Document("_id", 1)).first() != null;
	}

	boolean contains(String eventId) {
		return this.collection.find(Filters.eq("eventId", eventId)).limit(1).first() != null;
	}

	/** A staged envelope (from the article document) enters the feed as number {@code seq}. */
	Insert insert(long seq, Document staged) {
		Document event = new Document("_id", seq).append("eventId", staged.getString("eventId"))
			.append("type", staged.getString("type"))
			.append("schemaVersion", staged.getInteger("schemaVersion", 1))
			.append("occurredAt", staged.getDate("occurredAt"))
			.append("articleId", staged.getString("articleId"))
			.append("data", staged.get("data", Document.class));
		try {
			this.collection.insertOne(event);
			return Insert.INSERTED;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			return contains(staged.getString("eventId")) ? Insert.ALREADY_RELAYED : Insert.SEQ_TAKEN;
		}
	}

	/** Events after+1 … after+limit, by key, in seq order. */
	public List<FeedEvent> read(long after, int limit) {
		List<Long> keys = new ArrayList<>(limit);
		for (long seq = after + 1; seq <= after + limit; seq++) {
			keys.add(seq);
		}
		List<FeedEvent> events = new ArrayList<>();
		this.collection.find(Filters.in("_id", keys)).forEach(d -> events.add(event(d)));
		events.sort((a, b) -> Long.compare(a.seq(), b.seq()));
		// a consumer must never skip: stop before the first gap (a seq being written right now)
		List<FeedEvent> contiguous = new ArrayList<>();
		long expected = after + 1;
		for (FeedEvent event : events) {
			if (event.seq() != expected) {
				break;
			}
			contiguous.add(event);
			expected++;
		}
		return contiguous;
	}

	Optional<FeedEvent> byEventId(String eventId) {
		return Optional.ofNullable(this.collection.find(Filters.eq("eventId", eventId)).first())
			.map(FeedEvents::event);
	}

	static FeedEvent event(Document d) {
		Document data = d.get("data", Document.class);
		return new FeedEvent(((Number) d.get("_id")).longValue(), d.getString("type"),
				d.getInteger("schemaVersion", 1), instant(d.getDate("occurredAt")), d.getString("articleId"),
				new FeedEvent.Data(data.getString("slug"), data.getString("status"), data.getString("section"),
						data.getString("language"), parse(data.getString("publishedAt")),
						parse(data.getString("firstPublishedAt")), Boolean.TRUE.equals(data.getBoolean("commentsOpen")),
						parse(data.getString("commentsCloseAt")), data.getString("heroMediaId"),
						data.getList("mediaIds", String.class, List.of())));
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

	private static Instant parse(String iso) {
		return iso == null ? null : Instant.parse(iso);
	}

}
