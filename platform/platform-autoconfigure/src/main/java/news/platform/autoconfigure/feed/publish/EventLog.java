package news.platform.autoconfigure.feed.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.FeedPage;
import news.platform.autoconfigure.feed.FeedSource;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * A feed's events ({@code events}): {@code _id} = seq (1, 2, 3 … no gaps), so a consumer reads
 * after+1 … after+n by key, which is a key lookup even on the embedded server. {@code eventId} is
 * unique: the same staged event can never enter twice. Also the in-process {@link FeedSource} for
 * the producer's own followers.
 */
public final class EventLog implements FeedSource {

	static final String EVENT_ID_INDEX = "eventId_unique";

	private final MongoCollection<Document> collection;

	private final String subjectField;

	/** The highest seq seen so far; seqs are only ever added, so a search for the head starts here. */
	private volatile long knownHead;

	EventLog(MongoDatabase database, PublishedFeed feed, QueryShapes shapes) {
		this.collection = database.getCollection(feed.eventsCollection());
		this.subjectField = feed.subjectField();
		shapes.createIndexes(this.collection, DeclaredIndex.unique(EVENT_ID_INDEX, "eventId"));
		shapes.register(feed.eventsCollection(), List.of("_id"), List.of(), "_id_");
		shapes.register(feed.eventsCollection(), List.of("eventId"), List.of(), EVENT_ID_INDEX);
	}

	enum Insert {
		INSERTED, SEQ_TAKEN, ALREADY_RELAYED
	}

	/**
	 * The highest seq. Seqs are dense, so this gallops forward by key lookups from the last head it
	 * found, then bisects: a handful of lookups, where a sort would scan on the embedded server.
	 */
	@Override
	public long head() {
		long low = this.knownHead;
		if (low > 0 && !exists(low)) {
			// the collection was emptied (a new database): start over
			low = 0;
		}
		if (!exists(low + 1)) {
			this.knownHead = low;
			return low;
		}
		low++;
		long step = 1;
		long high = low + step;
		while (exists(high)) {
			low = high;
			step *= 2;
			high = low + step;
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
		this.knownHead = low;
		return low;
	}

	private boolean exists(long seq) {
		return this.collection.find(Filters.eq("_id", seq)).projection(new Document("_id", 1)).first() != null;
	}

	boolean contains(String eventId) {
		return this.collection.find(Filters.eq("eventId", eventId)).limit(1).first() != null;
	}

	/** A staged envelope (from the source document) enters the feed as number {@code seq}. */
	Insert insert(long seq, Document staged) {
		Document event = new Document("_id", seq).append("eventId", staged.getString("eventId"))
			.append("type", staged.getString("type"))
			.append("schemaVersion", staged.getInteger("schemaVersion", 1))
			.append("occurredAt", staged.getDate("occurredAt"))
			.append(this.subjectField, staged.getString(this.subjectField))
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

	@Override
	public FeedPage read(long after, int limit) {
		List<Document> documents = documents(after, limit);
		List<FeedEvent> events = documents.stream().map(this::event).toList();
		return new FeedPage(events, events.isEmpty() ? after : events.get(events.size() - 1).seq());
	}

	/**
	 * The same events as the wire shows them, for the read endpoint: the envelope with the
	 * subject under the feed's own name, the data as the producer staged it.
	 */
	public List<Map<String, Object>> readForWire(long after, int limit) {
		return documents(after, limit).stream().map(this::wire).toList();
	}

	/** By key, in seq order, stopping before the first gap (a seq being written right now). */
	private List<Document> documents(long after, int limit) {
		List<Long> keys = new ArrayList<>(limit);
		for (long seq = after + 1; seq <= after + limit; seq++) {
			keys.add(seq);
		}
		List<Document> found = new ArrayList<>();
		this.collection.find(Filters.in("_id", keys)).forEach(found::add);
		found.sort((a, b) -> Long.compare(seq(a), seq(b)));
		List<Document> contiguous = new ArrayList<>();
		long expected = after + 1;
		for (Document document : found) {
			if (seq(document) != expected) {
				break;
			}
			contiguous.add(document);
			expected++;
		}
		return contiguous;
	}

	public Optional<FeedEvent> byEventId(String eventId) {
		return Optional.ofNullable(this.collection.find(Filters.eq("eventId", eventId)).first()).map(this::event);
	}

	private FeedEvent event(Document d) {
		return new FeedEvent(seq(d), d.getString("type"), d.getInteger("schemaVersion", 1),
				instant(d.getDate("occurredAt")), d.getString(this.subjectField),
				new FeedData(plain(d.get("data", Document.class))));
	}

	private Map<String, Object> wire(Document d) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("seq", seq(d));
		event.put("type", d.getString("type"));
		event.put("schemaVersion", d.getInteger("schemaVersion", 1));
		event.put("occurredAt", instant(d.getDate("occurredAt")));
		event.put(this.subjectField, d.getString(this.subjectField));
		event.put("data", plain(d.get("data", Document.class)));
		return event;
	}

	/** BSON dates become instants (ISO-8601 on the wire); nested documents become plain maps. */
	private static Map<String, Object> plain(Document document) {
		Map<String, Object> map = new LinkedHashMap<>();
		if (document != null) {
			document.forEach((key, value) -> map.put(key, plainValue(value)));
		}
		return map;
	}

	private static Object plainValue(Object value) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Document nested) {
			return plain(nested);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(EventLog::plainValue).toList();
		}
		return value;
	}

	private static long seq(Document d) {
		return ((Number) d.get("_id")).longValue();
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
