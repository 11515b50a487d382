package news.platform.autoconfigure.feed.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

import news.platform.autoconfigure.feed.FeedProperties;

/**
 * One feed a service publishes. A write that causes events stages them inside the document it
 * changes, in the same update (the commit point, no transaction):
 *
 * <pre>{@code
 * feed.willStage(id, nextRevision);                         // before the write: a marker for the relay
 * Document event = feed.stage("article.published", 2, now, id, data);
 * collection.updateOne(byIdAndRevision, combine(set(...), pushEach(FeedPublisher.PENDING_EVENTS, List.of(event))));
 * }</pre>
 *
 * A relay on one replica at a time (a lease) then gives each event the next dense {@code seq} in
 * the feed, and {@code /internal/v1/<name>/events} serves it by key. The producer's own replicas
 * follow {@link #events()} in-process.
 */
public final class FeedPublisher implements SmartLifecycle {

	/** The array of the source documents that holds staged events until the relay moves them. */
	public static final String PENDING_EVENTS = FeedRelay.PENDING;

	private static final Logger log = LoggerFactory.getLogger(FeedPublisher.class);

	private final PublishedFeed feed;

	private final EventLog events;

	private final FeedOutbox outbox;

	private final FeedRelay relay;

	private final FeedProperties.Relay settings;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private volatile ScheduledFuture<?> running;

	FeedPublisher(PublishedFeed feed, EventLog events, FeedOutbox outbox, FeedRelay relay,
			FeedProperties.Relay settings, TaskScheduler scheduler, Clock clock) {
		this.feed = feed;
		this.events = events;
		this.outbox = outbox;
		this.relay = relay;
		this.settings = settings;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	public PublishedFeed feed() {
		return this.feed;
	}

	/** The feed as stored: its head, pages by key, and the in-process source for this service's followers. */
	public EventLog events() {
		return this.events;
	}

	/**
	 * A new event to stage inside the document a write changes ({@code $push} to
	 * {@link #PENDING_EVENTS} in that same update). {@code seq} comes later, from the relay.
	 */
	public Document stage(String type, int schemaVersion, Instant occurredAt, String subjectId, Document data) {
		// the subject may be null: an event about something other than the feed's subject (a section)
		return new Document("eventId", UUID.randomUUID().toString()).append("type", type)
			.append("schemaVersion", schemaVersion)
			.append("occurredAt", Date.from(occurredAt))
			.append(this.feed.subjectField(), subjectId)
			.append("data", data);
	}

	/**
	 * Before the write that stages events: tells the relay to look at this document once it has
	 * {@code revision}, so the relay reads a few keys instead of scanning the source collection.
	 */
	public void willStage(String subjectId, long revision) {
		willStage(this.feed.sourceCollection(), subjectId, revision);
	}

	/**
	 * As {@link #willStage(String, long)}, for a write to another source collection of this feed
	 * ({@link PublishedFeed#alsoFrom}): the document {@code documentId} of {@code collection}.
	 */
	public void willStage(String collection, String documentId, long revision) {
		if (!this.feed.sourceCollections().contains(collection)) {
			throw new IllegalArgumentException(collection + " is not a source of the " + this.feed.name() + " feed");
		}
		this.outbox.mark(collection, documentId, revision, this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	/** Moves staged events into the feed now, if this replica holds the lease; how many moved. */
	public int relayOnce() {
		return this.relay.relayOnce();
	}

	private void relaySafely() {
		try {
			relayOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Relaying {} events failed; retrying on the next run", this.feed.name(), ex);
		}
	}

	@Override
	public void start() {
		if (this.settings.enabled() && this.running == null) {
			this.running = this.scheduler.scheduleWithFixedDelay(this::relaySafely, this.settings.interval());
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.running;
		if (task != null) {
			task.cancel(false);
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

}
