package news.platform.article.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import news.platform.article.article.ArticleProperties;
import news.platform.article.article.Articles;
import news.platform.article.article.Outbox;

/**
 * Moves events staged in article documents into the feed, on one replica at a time (the
 * {@code event-relay} lease). Each event is inserted with the next seq, then cleared from its
 * article. A crash between the two re-runs the move: the event's own id is unique in
 * {@code events}, so the re-run sees it is there and only clears it; nothing is skipped or doubled.
 */
@Component
public class EventRelay {

	static final String LEASE = "event-relay";

	/** Longer than any write takes between marking the outbox and committing the article. */
	private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

	private final Articles articles;

	private final FeedEvents events;

	private final Outbox outbox;

	private final Leases leases;

	private final ArticleProperties properties;

	private final Clock clock;

	private final String holder = UUID.randomUUID().toString();

	/** The next seq to write, known only while this relay has held the lease without a break. */
	private long nextSeq = -1;

	private Instant heldUntil = Instant.MIN;

	/** Whether this lease term began with the sweep over all articles. */
	private boolean swept;

	public EventRelay(Articles articles, Outbox outbox, FeedEvents events, Leases leases, ArticleProperties properties,
			Clock clock) {
		this.articles = articles;
		this.outbox = outbox;
		this.events = events;
		this.leases = leases;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent ready) {
		if (this.properties.feed().relayEnabled()) {
			ready.getApplicationContext()
				.getBean(TaskScheduler.class)
				.scheduleWithFixedDelay(this::runSafely, this.properties.feed().relayInterval());
		}
	}

	private void runSafely() {
		try {
			relayOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Relaying article events failed; retrying on the next run", ex);
		}
	}

	/** How many events entered the feed in this run; 0 when another replica holds the lease. */
	public synchronized int relayOnce() {
		Instant leaseTaken = this.clock.instant();
		if (!this.leases.tryAcquire(LEASE, this.holder, this.properties.feed().leaseTtl())) {
			this.nextSeq = -1;
			this.swept = false;
			return 0;
		}
		if (leaseTaken.isAfter(this.heldUntil)) {
			// the lease lapsed since the last run: another relay may have written in between
			this.nextSeq = -1;
			this.swept = false;
		}
		this.heldUntil = leaseTaken.plus(this.properties.feed().leaseTtl());
		boolean sweep = !this.swept;
		List<Outbox.Marker> markers = this.outbox.markers(this.properties.feed().batchSize());
		List<Document> staged = new ArrayList<>();
		Map<String, Long> revisions = new HashMap<>();
		if (!markers.isEmpty()) {
			for (Document article : this.articles
				.pendingOf(markers.stream().map(Outbox.Marker::articleId).toList())) {
				revisions.put(article.getString("_id"), ((Number) article.get("revision")).longValue());
				staged.addAll(article.getList("pendingEvents", Document.class, List.of()));
			}
		}
		if (sweep) {
			// on taking the lease, one scan catches anything staged without a marker (older data)
			List<Document> unmarked = this.articles.withPendingEvents(this.properties.feed().batchSize());
			for (Document article : unmarked) {
				if (!revisions.containsKey(article.getString("_id"))) {
					staged.addAll(article.getList("pendingEvents", Document.class, List.of()));
				}
			}
			// a full batch may have left some behind: sweep again next run
			this.swept = unmarked.size() < this.properties.feed().batchSize();
		}
		if (staged.isEmpty()) {
			clearMarkers(markers, revisions, leaseTaken);
			return 0;
		}
		// oldest first across articles; a stable sort keeps each article's own order
		staged.sort(Comparator.comparing(event -> event.getDate("occurredAt")));
		long next = this.nextSeq > 0 ? this.nextSeq : this.events.head() + 1;
		int moved = 0;
		for (Document event : staged) {
			if (this.clock.instant().isAfter(leaseTaken.plus(this.properties.feed().leaseTtl().dividedBy(2)))) {
				leaseTaken = this.clock.instant();
				if (!this.leases.tryAcquire(LEASE, this.holder, this.properties.feed().leaseTtl())) {
					this.nextSeq = -1;
					this.swept = false;
					return moved;
				}
				this.heldUntil = leaseTaken.plus(this.properties.feed().leaseTtl());
			}
			String eventId = event.getString("eventId");
			if (!this.events.contains(eventId)) {
				FeedEvents.Insert result;
				while ((result = this.events.insert(next, event)) == FeedEvents.Insert.SEQ_TAKEN) {
					// another relay wrote this seq (its lease ran out while it worked): continue after it
					next = this.events.head() + 1;
				}
				if (result == FeedEvents.Insert.INSERTED) {
					next++;
					moved++;
				}
			}
			this.articles.markRelayed(event.getString("articleId"), eventId);
		}
		this.nextSeq = next;
		clearMarkers(markers, revisions, leaseTaken);
		return moved;
	}

	/**
	 * A marker goes once its article has reached the marked revision (its events are relayed now),
	 * or when the marked write evidently never happened; a write that marked it again keeps it.
	 */
	private void clearMarkers(List<Outbox.Marker> markers, Map<String, Long> revisions, Instant now) {
		for (Outbox.Marker marker : markers) {
			Long revision = revisions.get(marker.articleId());
			boolean written = revision != null && revision >= marker.revision();
			boolean abandoned = marker.at().isBefore(now.minus(ABANDONED_AFTER));
			if (written || abandoned) {
				this.outbox.clear(marker);
			}
		}
	}

}
