package news.platform.autoconfigure.feed.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * Moves events staged in source documents into the feed, on one replica at a time (the feed's
 * lease). Each event is inserted with the next seq, then cleared from its document. A crash
 * between the two re-runs the move: the event's own id is unique in the feed, so the re-run sees
 * it is there and only clears it; nothing is skipped or doubled.
 */
final class FeedRelay {

	static final String PENDING = "pendingEvents";

	static final String RELAYED = "relayedEventIds";

	static final String PENDING_INDEX = "pendingEvents_eventId";

	/** Longer than any write takes between marking the outbox and committing the document. */
	private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

	private final PublishedFeed feed;

	private final Map<String, MongoCollection<Document>> sources = new java.util.LinkedHashMap<>();

	private final EventLog events;

	private final FeedOutbox outbox;

	private final Leases leases;

	private final FeedProperties.Relay settings;

	private final Clock clock;

	private final String holder = UUID.randomUUID().toString();

	/** The next seq to write, known only while this relay has held the lease without a break. */
	private long nextSeq = -1;

	private Instant heldUntil = Instant.MIN;

	/** Whether this lease term began with the sweep over all source documents. */
	private boolean swept;

	FeedRelay(MongoDatabase database, PublishedFeed feed, EventLog events, FeedOutbox outbox, Leases leases,
			FeedProperties.Relay settings, Clock clock, QueryShapes shapes) {
		this.feed = feed;
		this.events = events;
		this.outbox = outbox;
		this.leases = leases;
		this.settings = settings;
		this.clock = clock;
		for (String name : feed.sourceCollections()) {
			MongoCollection<Document> source = database.getCollection(name);
			this.sources.put(name, source);
			shapes.createIndexes(source, DeclaredIndex.sparse(PENDING_INDEX, PENDING + ".eventId"));
			shapes.register(name, List.of(PENDING + ".eventId"), List.of(), PENDING_INDEX);
			shapes.register(name, List.of("_id"), List.of(), "_id_");
		}
	}

	/** How many events entered the feed in this run; 0 when another replica holds the lease. */
	synchronized int relayOnce() {
		Instant leaseTaken = this.clock.instant();
		if (!this.leases.tryAcquire(this.feed.lease(), this.holder, this.settings.leaseTtl())) {
			lostLease();
			return 0;
		}
		if (leaseTaken.isAfter(this.heldUntil)) {
			// the lease lapsed since the last run: another relay may have written in between
			lostLease();
		}
		this.heldUntil = leaseTaken.plus(this.settings.leaseTtl());
		boolean sweep = !this.swept;
		List<FeedOutbox.Marker> markers = this.outbox.markers(this.settings.batchSize());
		List<Staged> staged = new ArrayList<>();
		Map<String, Long> revisions = new HashMap<>();
		Map<String, List<String>> markedBySource = new java.util.LinkedHashMap<>();
		markers.forEach(marker -> markedBySource.computeIfAbsent(marker.source(), source -> new ArrayList<>())
			.add(marker.subjectId()));
		markedBySource.forEach((source, ids) -> {
			for (Document document : pendingOf(source, ids)) {
				Object revision = document.get(this.feed.revisionField());
				revisions.put(source + ":" + document.getString("_id"),
						revision instanceof Number n ? n.longValue() : 0L);
				staged.addAll(staged(source, document));
			}
		});
		if (sweep) {
			// on taking the lease, one scan catches anything staged without a marker (older data)
			boolean complete = true;
			for (String source : this.sources.keySet()) {
				List<Document> unmarked = withPendingEvents(source, this.settings.batchSize());
				for (Document document : unmarked) {
					if (!revisions.containsKey(source + ":" + document.getString("_id"))) {
						staged.addAll(staged(source, document));
					}
				}
				complete &= unmarked.size() < this.settings.batchSize();
			}
			// a full batch may have left some behind: sweep again next run
			this.swept = complete;
		}
		if (staged.isEmpty()) {
			clearMarkers(markers, revisions, leaseTaken);
			return 0;
		}
		// oldest first across documents; a stable sort keeps each document's own order
		staged.sort(Comparator.comparing(event -> event.event().getDate("occurredAt")));
		long next = this.nextSeq > 0 ? this.nextSeq : this.events.head() + 1;
		int moved = 0;
		for (Staged item : staged) {
			if (this.clock.instant().isAfter(leaseTaken.plus(this.settings.leaseTtl().dividedBy(2)))) {
				leaseTaken = this.clock.instant();
				if (!this.leases.tryAcquire(this.feed.lease(), this.holder, this.settings.leaseTtl())) {
					lostLease();
					return moved;
				}
				this.heldUntil = leaseTaken.plus(this.settings.leaseTtl());
			}
			Document event = item.event();
			String eventId = event.getString("eventId");
			if (!this.events.contains(eventId)) {
				EventLog.Insert result;
				while ((result = this.events.insert(next, event)) == EventLog.Insert.SEQ_TAKEN) {
					// another relay wrote this seq (its lease ran out while it worked): continue after it
					next = this.events.head() + 1;
				}
				if (result == EventLog.Insert.INSERTED) {
					next++;
					moved++;
				}
			}
			markRelayed(item.source(), item.documentId(), eventId);
		}
		this.nextSeq = next;
		clearMarkers(markers, revisions, leaseTaken);
		return moved;
	}

	/** A staged event and the document it waits in. */
	private record Staged(String source, String documentId, Document event) {
	}

	private static List<Staged> staged(String source, Document document) {
		String id = document.getString("_id");
		return document.getList(PENDING, Document.class, List.of())
			.stream()
			.map(event -> new Staged(source, id, event))
			.toList();
	}

	private void lostLease() {
		this.nextSeq = -1;
		this.swept = false;
	}

	/** The staged events and revision of a few documents, by key. */
	private List<Document> pendingOf(String source, Collection<String> ids) {
		List<Document> found = new ArrayList<>();
		this.sources.get(source)
			.find(Filters.in("_id", ids))
			.projection(new Document(PENDING, 1).append(this.feed.revisionField(), 1))
			.into(found);
		return found;
	}

	/** Batch work: documents whose write staged events not yet in the feed. */
	private List<Document> withPendingEvents(String source, int limit) {
		List<Document> found = new ArrayList<>();
		this.sources.get(source)
			.find(Filters.exists(PENDING + ".eventId"))
			.projection(new Document(PENDING, 1))
			.limit(limit)
			.into(found);
		return found;
	}

	/** The event is in the feed: drop it from its document and remember its id against a re-run. */
	private void markRelayed(String source, String documentId, String eventId) {
		this.sources.get(source)
			.updateOne(Filters.eq("_id", documentId),
					Updates.combine(Updates.pull(PENDING, new Document("eventId", eventId)),
							Updates.pushEach(RELAYED, List.of(eventId), new PushOptions().slice(-100))));
	}

	/**
	 * A marker goes once its document has reached the marked revision (its events are relayed
	 * now), or when the marked write evidently never happened; a write that marked it again keeps it.
	 */
	private void clearMarkers(List<FeedOutbox.Marker> markers, Map<String, Long> revisions, Instant now) {
		for (FeedOutbox.Marker marker : markers) {
			Long revision = revisions.get(marker.source() + ":" + marker.subjectId());
			boolean written = revision != null && revision >= marker.revision();
			boolean abandoned = marker.at().isBefore(now.minus(ABANDONED_AFTER));
			if (written || abandoned) {
				this.outbox.clear(marker);
			}
		}
	}

}
