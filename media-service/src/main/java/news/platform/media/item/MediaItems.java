package news.platform.media.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.media.usage.UsageListener;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code media_items} collection: one document per upload, keyed by its id. Every write that
 * changes what the photo library shows (upload, edit, delete, a change in the number of articles
 * using the item) stages its feed event inside the document in the same update, conditional on
 * {@code feedRevision}, so the document stays the one commit point. A deleted item stays as a
 * tombstone ({@code deleted: true}) until its event has left for the feed and the clean-up job
 * purges it; every read treats a tombstone as absent.
 */
@Component
public class MediaItems implements UsageListener {

	static final String COLLECTION = "media_items";

	/** Moved on by every write that stages a feed event; the relay's revision. */
	static final String FEED_REVISION = "feedRevision";

	static final String DELETED = "deleted";

	/** Batch work of the clean-up job: items no article names, oldest first. */
	static final String UNUSED_INDEX = "usageCount_1_unusedSince_1";

	/** Batch work of the clean-up job: does any live item still use this original? */
	static final String HASH_INDEX = "hash_1";

	/** Batch work of the clean-up job: tombstones old enough to purge. */
	static final String DELETED_AT_INDEX = "deletedAt_1";

	/** Batch work of the clean-up job: items stored before usage was counted on them. */
	static final String USAGE_REV_INDEX = "usageRev_1";

	/** A write that loses the feed-revision race (another write in between) tries again this often. */
	private static final int ATTEMPTS = 8;

	// the feed's bookkeeping stays out of every read
	private static final Bson ITEM_FIELDS = Projections.exclude(FeedPublisher.PENDING_EVENTS, "relayedEventIds");

	private final MongoCollection<Document> items;

	private final FeedPublisher feed;

	public MediaItems(MongoDatabase database, QueryShapes shapes, FeedPublisher mediaFeed) {
		this.items = database.getCollection(COLLECTION);
		this.feed = mediaFeed;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("_id", "version"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("_id", FEED_REVISION), List.of(), "_id_");
		shapes.createIndexes(this.items, DeclaredIndex.of(UNUSED_INDEX, "usageCount", "unusedSince"),
				DeclaredIndex.of(HASH_INDEX, "hash"), DeclaredIndex.sparse(DELETED_AT_INDEX, "deletedAt"),
				DeclaredIndex.of(USAGE_REV_INDEX, "usageRev"));
		shapes.register(COLLECTION, List.of("usageCount", "unusedSince"), List.of(), UNUSED_INDEX);
		shapes.register(COLLECTION, List.of("hash"), List.of(), HASH_INDEX);
		shapes.register(COLLECTION, List.of("deletedAt"), List.of(), DELETED_AT_INDEX);
		shapes.register(COLLECTION, List.of("usageRev"), List.of(), USAGE_REV_INDEX);
		// the rebuild of the photo library index reads every item once (batch work)
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
	}

	/** A new item and its {@code media.created} event, in one insert; unused from its first moment. */
	public void insert(MediaItem item) {
		this.feed.willStage(item.id(), 1);
		Document document = toDocument(item).append(FEED_REVISION, 1L)
			.append("usageCount", 0)
			.append("usageRev", 0L)
			.append("unusedSince", Date.from(item.createdAt()))
			.append(FeedPublisher.PENDING_EVENTS, List.of(event(MediaEvents.CREATED, item.createdAt(), item.id(),
					MediaEvents.data(item.version(), 0))));
		this.items.insertOne(document);
	}

	/** The item, or null when there is none (or only its tombstone). */
	public MediaItem find(String id) {
		Document document = this.items.find(eq("_id", id)).projection(ITEM_FIELDS).first();
		return document == null || isDeleted(document) ? null : fromDocument(document);
	}

	/** The items of {@code ids} that exist, by id (one {@code $in} of keys). */
	public Map<String, MediaItem> findAll(List<String> ids) {
		Map<String, MediaItem> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.items.find(Filters.in("_id", ids)).projection(ITEM_FIELDS).forEach(document -> {
			if (!isDeleted(document)) {
				MediaItem item = fromDocument(document);
				found.put(item.id(), item);
			}
		});
		return found;
	}

	/**
	 * Applies {@code changes} when the stored version is still {@code expectedVersion}, moving the
	 * version on and staging {@code media.updated}; null when the version did not match (or the
	 * item is gone).
	 */
	public MediaItem update(String id, long expectedVersion, Document changes, Instant now) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Document current = this.items.find(eq("_id", id)).projection(Projections.include("version", FEED_REVISION, DELETED)).first();
			if (current == null || isDeleted(current) || version(current) != expectedVersion) {
				return null;
			}
			long revision = feedRevision(current);
			this.feed.willStage(id, revision + 1);
			Document set = new Document(changes).append("updatedAt", Date.from(now));
			Document updated = this.items.findOneAndUpdate(
					and(eq("_id", id), eq("version", expectedVersion), revisionIs(revision)),
					Updates.combine(new Document("$set", set), Updates.inc("version", 1L),
							Updates.inc(FEED_REVISION, 1L), Updates.push(FeedPublisher.PENDING_EVENTS,
									event(MediaEvents.UPDATED, now, id, MediaEvents.data(expectedVersion + 1, null)))),
					new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(ITEM_FIELDS));
			if (updated != null) {
				return fromDocument(updated);
			}
		}
		return null;
	}

	/**
	 * Deletes the item: it becomes a tombstone carrying {@code media.deleted} (the document stays
	 * until the relay has moved the event and the clean-up job purges it). False when there was no
	 * live item.
	 */
	public boolean delete(String id, Instant now) {
		return tombstone(id, now, null);
	}

	/**
	 * The clean-up job's delete: as {@link #delete}, but only while no article uses the item, as
	 * far as media-service knows.
	 */
	public boolean deleteUnused(String id, Instant now) {
		return tombstone(id, now, eq("usageCount", 0));
	}

	private boolean tombstone(String id, Instant now, Bson condition) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Document current = this.items.find(eq("_id", id)).projection(Projections.include("version", FEED_REVISION, DELETED)).first();
			if (current == null || isDeleted(current)) {
				return false;
			}
			long revision = feedRevision(current);
			this.feed.willStage(id, revision + 1);
			Bson filter = and(eq("_id", id), revisionIs(revision), Filters.ne(DELETED, true));
			if (condition != null) {
				filter = and(filter, condition);
			}
			long matched = this.items.updateOne(filter,
					Updates.combine(Updates.set(DELETED, true), Updates.set("deletedAt", Date.from(now)),
							Updates.inc(FEED_REVISION, 1L), Updates.push(FeedPublisher.PENDING_EVENTS,
									event(MediaEvents.DELETED, now, id, MediaEvents.data(version(current), null)))))
				.getMatchedCount();
			if (matched == 1) {
				return true;
			}
			if (condition != null && this.items.find(and(eq("_id", id), condition)).first() == null) {
				return false;
			}
		}
		return false;
	}

	/**
	 * From the usage package: the number of articles naming {@code mediaId} is now
	 * {@code articles}, as of usage revision {@code usageRevision}. Recorded on the item with a
	 * {@code media.usage-changed} event when the count changed; an older revision than the one
	 * recorded (another replica was faster) changes nothing.
	 */
	@Override
	public void usageChanged(String mediaId, int articles, long usageRevision, Instant at) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Document current = this.items.find(eq("_id", mediaId))
				.projection(Projections.include("version", FEED_REVISION, DELETED, "usageCount", "usageRev"))
				.first();
			if (current == null || isDeleted(current)) {
				return;
			}
			long recorded = current.get("usageRev") instanceof Number n ? n.longValue() : -1;
			Integer count = current.get("usageCount") instanceof Number n ? n.intValue() : null;
			if (recorded >= usageRevision || (count != null && count == articles)) {
				return;
			}
			long revision = feedRevision(current);
			this.feed.willStage(mediaId, revision + 1);
			Bson unused = articles == 0 ? Updates.set("unusedSince", Date.from(at)) : Updates.unset("unusedSince");
			Bson recordedOlder = Filters.or(Filters.exists("usageRev", false), Filters.lt("usageRev", usageRevision));
			long matched = this.items.updateOne(and(eq("_id", mediaId), revisionIs(revision), recordedOlder),
					Updates.combine(Updates.set("usageCount", articles), Updates.set("usageRev", usageRevision), unused,
							Updates.inc(FEED_REVISION, 1L),
							Updates.push(FeedPublisher.PENDING_EVENTS, event(MediaEvents.USAGE_CHANGED, at, mediaId,
									MediaEvents.data(version(current), articles)))))
				.getMatchedCount();
			if (matched == 1) {
				return;
			}
		}
	}

	// ---- batch work (the clean-up job, the index rebuild): scans allowed, each with its index

	/** Live items no article names since before {@code cutoff}, at most {@code limit}. */
	public List<MediaItem> unusedSince(Instant cutoff, int limit) {
		List<MediaItem> found = new ArrayList<>();
		this.items
			.find(and(eq("usageCount", 0), Filters.lt("unusedSince", Date.from(cutoff)), Filters.ne(DELETED, true)))
			.projection(ITEM_FIELDS)
			.limit(limit)
			.forEach(document -> found.add(fromDocument(document)));
		return found;
	}

	/**
	 * The clean-up job asked and something still names the item (an author profile, a stored
	 * revision): its unused time starts again, so it is asked about next after {@code unusedFor}.
	 * No event: nothing the library shows changed.
	 */
	public void postpone(String id, Instant now) {
		this.items.updateOne(and(eq("_id", id), eq("usageCount", 0), Filters.ne(DELETED, true)),
				Updates.set("unusedSince", Date.from(now)));
	}

	/** Whether any live item other than the tombstones points at the original {@code hash}. */
	public boolean originalInUse(String hash) {
		return this.items.find(and(eq("hash", hash), Filters.ne(DELETED, true)))
			.projection(Projections.include("_id"))
			.first() != null;
	}

	/** A deleted item as the clean-up job needs it. */
	public record Tombstone(String id, String hash, Instant deletedAt) {
	}

	/** Tombstones deleted before {@code cutoff} whose event has left for the feed. */
	public List<Tombstone> tombstonesBefore(Instant cutoff, int limit) {
		List<Tombstone> found = new ArrayList<>();
		this.items
			.find(and(Filters.lt("deletedAt", Date.from(cutoff)), eq(DELETED, true),
					Filters.exists(FeedPublisher.PENDING_EVENTS + ".0", false)))
			.projection(Projections.include("hash", "deletedAt"))
			.limit(limit)
			.forEach(document -> found.add(new Tombstone(document.getString("_id"), document.getString("hash"),
					document.getDate("deletedAt").toInstant())));
		return found;
	}

	/** Removes a tombstone for good, unless an event still waits in it. */
	public boolean purge(String id) {
		return this.items
			.deleteOne(and(eq("_id", id), eq(DELETED, true), Filters.exists(FeedPublisher.PENDING_EVENTS + ".0", false)))
			.getDeletedCount() == 1;
	}

	/** Live items stored before usage was counted on items (no {@code usageRev}), at most {@code limit}. */
	public List<String> withoutUsageRecord(int limit) {
		List<String> ids = new ArrayList<>();
		this.items.find(and(Filters.exists("usageRev", false), Filters.ne(DELETED, true)))
			.projection(Projections.include("_id"))
			.limit(limit)
			.forEach(document -> ids.add(document.getString("_id")));
		return ids;
	}

	/**
	 * Records the usage of an item stored before it was counted, once: no event (the index reads
	 * such items' usage from the usage store), and unused from now on at the earliest, as nobody
	 * knows since when.
	 */
	public void recordUsageOnce(String id, int articles, long usageRevision, Instant now) {
		Bson unused = articles == 0 ? Updates.set("unusedSince", Date.from(now)) : Updates.unset("unusedSince");
		this.items.updateOne(and(eq("_id", id), Filters.exists("usageRev", false)),
				Updates.combine(Updates.set("usageCount", articles), Updates.set("usageRev", usageRevision), unused));
	}

	/** Batch work: every live item, in no particular order (the index rebuild). */
	public void forEach(Consumer<MediaItem> action) {
		this.items.find().projection(ITEM_FIELDS).batchSize(1000).forEach(document -> {
			if (!isDeleted(document)) {
				action.accept(fromDocument(document));
			}
		});
	}

	/** Live items (tests and admin checks; a scan). */
	public long count() {
		return this.items.countDocuments(Filters.ne(DELETED, true));
	}

	private Document event(String type, Instant at, String id, Document data) {
		return this.feed.stage(type, MediaEvents.SCHEMA_VERSION, at, id, data);
	}

	/** Items stored before the feed have no revision yet: 0. */
	private static Bson revisionIs(long revision) {
		return revision == 0 ? Filters.or(Filters.exists(FEED_REVISION, false), eq(FEED_REVISION, 0L))
				: eq(FEED_REVISION, revision);
	}

	private static long feedRevision(Document document) {
		return document.get(FEED_REVISION) instanceof Number n ? n.longValue() : 0;
	}

	private static long version(Document document) {
		return ((Number) document.get("version")).longValue();
	}

	private static boolean isDeleted(Document document) {
		return Boolean.TRUE.equals(document.getBoolean(DELETED));
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
			.append("dominantColour", item.dominantColour())
			.append("fileName", item.fileName());
	}

	static MediaItem fromDocument(Document d) {
		return new MediaItem(d.getString("_id"), ((Number) d.get("version")).longValue(), d.getString("hash"),
				d.getString("mediaType"), d.getInteger("width"), d.getInteger("height"),
				((Number) d.get("byteSize")).longValue(), d.getInteger("orientation", 1), d.getString("alt"),
				d.getString("caption"), d.getString("credit"), d.getString("copyright"), d.getString("source"),
				((Number) d.get("focalX")).doubleValue(), ((Number) d.get("focalY")).doubleValue(),
				d.getList("tags", String.class), d.getString("uploadedBy"), d.getDate("createdAt").toInstant(),
				d.getDate("updatedAt").toInstant(), d.getString("blurHash"), d.getString("dominantColour"),
				d.getString("fileName"), d.get("usageCount") instanceof Number n ? n.intValue() : null);
	}

}
