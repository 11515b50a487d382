package news.platform.autoconfigure.feed.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.FeedPage;
import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.support.InMemoryMongo;
import news.platform.autoconfigure.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer side of every feed against the embedded wire server: events staged inside the
 * written document become a dense feed, a relay that crashed half-way re-runs without doubling,
 * and two relays competing for the lease never write a gap or the same event twice.
 */
class FeedPublisherTest {

	private static final PublishedFeed FEED = PublishedFeed.of("things", "thingId", "things", "thing_outbox");

	private static final FeedProperties.Relay BY_HAND = new FeedProperties.Relay(false, Duration.ofMillis(200),
			Duration.ofSeconds(10), 500);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private MongoDatabase database;

	private MongoCollection<Document> things;

	@BeforeEach
	void database() {
		this.database = InMemoryMongo.freshDatabase();
		this.things = this.database.getCollection("things");
	}

	@Test
	void stagedEventsEnterTheFeedWithDenseSeqsInTheOrderTheyHappenedAndLeaveTheirDocument() {
		FeedPublisher publisher = publisher();
		write(publisher, "t1", "thing.created");
		this.clock.advance(Duration.ofSeconds(1));
		write(publisher, "t2", "thing.created");
		this.clock.advance(Duration.ofSeconds(1));
		write(publisher, "t1", "thing.updated");

		assertThat(publisher.relayOnce()).isEqualTo(3);

		FeedPage page = publisher.events().read(0, 10);
		assertThat(page.events()).extracting(FeedEvent::seq).containsExactly(1L, 2L, 3L);
		assertThat(page.events()).extracting(FeedEvent::subjectId).containsExactly("t1", "t2", "t1");
		assertThat(page.events()).extracting(FeedEvent::type)
			.containsExactly("thing.created", "thing.created", "thing.updated");
		assertThat(page.events().get(2).data().string("name")).startsWith("t1 rev 2 ");
		assertThat(page.next()).isEqualTo(3);
		assertThat(publisher.events().head()).isEqualTo(3);
		assertThat(this.things.find(Filters.exists("pendingEvents.eventId")).first()).isNull();
		assertThat(publisher.relayOnce()).as("nothing staged any more").isZero();
	}

	@Test
	void theWireShapeNamesTheSubjectAfterTheFeedAndCarriesTheDataAsStaged() {
		FeedPublisher publisher = publisher();
		write(publisher, "t1", "thing.created");
		publisher.relayOnce();

		var wire = publisher.events().readForWire(0, 10);

		assertThat(wire).singleElement().satisfies(event -> {
			assertThat(event).containsKeys("seq", "type", "schemaVersion", "occurredAt", "thingId", "data");
			assertThat(event.get("occurredAt")).isEqualTo(this.clock.instant());
			assertThat(event.get("thingId")).isEqualTo("t1");
		});
	}

	@Test
	void aReadStopsBeforeAGapSoAConsumerNeverSkipsASeqBeingWritten() {
		MongoCollection<Document> events = this.database.getCollection("events");
		FeedPublisher publisher = publisher();
		for (long seq : new long[] { 1, 2, 4 }) {
			events.insertOne(new Document("_id", seq).append("eventId", "e" + seq)
				.append("type", "thing.created")
				.append("occurredAt", java.util.Date.from(this.clock.instant()))
				.append("thingId", "t" + seq)
				.append("data", new Document()));
		}

		assertThat(publisher.events().read(0, 10).events()).extracting(FeedEvent::seq).containsExactly(1L, 2L);
		assertThat(publisher.events().read(2, 10).events()).isEmpty();
		assertThat(publisher.events().read(2, 10).next()).isEqualTo(2);
	}

	@Test
	void aRelayThatCrashedAfterWritingTheFeedButBeforeClearingReRunsWithoutDoubling() {
		FeedPublisher first = publisher();
		write(first, "t1", "thing.created");
		write(first, "t2", "thing.created");
		List<Document> staged = new ArrayList<>();
		this.things.find().forEach(thing -> staged.addAll(thing.getList("pendingEvents", Document.class)));
		// the crash: both events are in the feed, neither was cleared from its document
		first.events().insert(1, staged.get(0));
		first.events().insert(2, staged.get(1));

		FeedPublisher restarted = publisher();
		assertThat(restarted.relayOnce()).as("nothing new entered the feed").isZero();

		assertThat(restarted.events().head()).isEqualTo(2);
		assertThat(this.things.find(Filters.exists("pendingEvents.eventId")).first()).isNull();
		write(restarted, "t3", "thing.created");
		assertThat(restarted.relayOnce()).isEqualTo(1);
		assertThat(restarted.events().read(0, 10).events()).extracting(FeedEvent::subjectId)
			.containsExactly("t1", "t2", "t3");
	}

	@Test
	void aStagedEventWithoutAnOutboxMarkerIsFoundByTheSweepWhenTheLeaseIsTaken() {
		FeedPublisher publisher = publisher();
		Document event = publisher.stage("thing.created", 1, this.clock.instant(), "t9", new Document("name", "t9"));
		this.things.insertOne(new Document("_id", "t9").append("revision", 1L).append("pendingEvents", List.of(event)));

		assertThat(publisher.relayOnce()).isEqualTo(1);
		assertThat(publisher.events().head()).isEqualTo(1);
	}

	@Test
	void twoRelaysCompetingForTheLeaseWriteEveryEventOnceWithoutAGap() throws Exception {
		FeedPublisher one = publisher();
		FeedPublisher two = publisher();
		AtomicBoolean writing = new AtomicBoolean(true);
		CompletableFuture<Void> relays = CompletableFuture.allOf(CompletableFuture.runAsync(() -> {
			while (writing.get()) {
				one.relayOnce();
			}
		}), CompletableFuture.runAsync(() -> {
			while (writing.get()) {
				two.relayOnce();
			}
		}));
		for (int i = 0; i < 60; i++) {
			write(i % 2 == 0 ? one : two, "t" + (i % 7), "thing.updated");
		}
		writing.set(false);
		relays.get();
		one.relayOnce();
		two.relayOnce();

		List<FeedEvent> feed = one.events().read(0, 1000).events();
		assertThat(feed).extracting(FeedEvent::seq).containsExactlyElementsOf(
				java.util.stream.LongStream.rangeClosed(1, 60).boxed().toList());
		Set<String> names = new HashSet<>();
		feed.forEach(event -> names.add(event.data().string("name")));
		assertThat(names).as("each staged event entered once").hasSize(60);
	}

	@Test
	void oneFeedAnnouncesChangesStagedInSeveralCollectionsInTheOrderTheyHappened() {
		PublishedFeed feed = FEED.alsoFrom("kinds");
		QueryShapes shapes = new QueryShapes();
		FeedPublisher publisher = new FeedPublishing(this.database, shapes, new Leases(this.database, this.clock, shapes),
				new FeedProperties(1, BY_HAND, null), null, this.clock)
			.publisher(feed, BY_HAND);
		write(publisher, "t1", "thing.created");
		this.clock.advance(Duration.ofSeconds(1));
		publisher.willStage("kinds", "k1", 1);
		Document kindEvent = publisher.stage("kind.changed", 2, this.clock.instant(), null,
				new Document("slug", "k1").append("previousSlug", "old-k1"));
		this.database.getCollection("kinds")
			.insertOne(new Document("_id", "k1").append("revision", 1L).append("pendingEvents", List.of(kindEvent)));
		this.clock.advance(Duration.ofSeconds(1));
		write(publisher, "t1", "thing.updated");

		assertThat(publisher.relayOnce()).isEqualTo(3);

		List<FeedEvent> events = publisher.events().read(0, 10).events();
		assertThat(events).extracting(FeedEvent::type).containsExactly("thing.created", "kind.changed", "thing.updated");
		assertThat(events.get(1).subjectId()).isNull();
		assertThat(events.get(1).schemaVersion()).isEqualTo(2);
		assertThat(events.get(1).data().string("previousSlug")).isEqualTo("old-k1");
		assertThat(this.database.getCollection("kinds").find(Filters.exists("pendingEvents.eventId")).first()).isNull();
		assertThat(this.database.getCollection("thing_outbox").countDocuments()).as("every marker cleared").isZero();
	}

	@Test
	void aCollectionThatIsNotASourceOfTheFeedCannotStage() {
		FeedPublisher publisher = publisher();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.willStage("kinds", "k1", 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theHeadFollowsTheFeedAndStartsOverWhenTheFeedWasEmptied() {
		FeedPublisher publisher = publisher();
		assertThat(publisher.events().head()).isZero();
		for (int i = 0; i < 37; i++) {
			write(publisher, "t" + i, "thing.created");
		}
		publisher.relayOnce();
		assertThat(publisher.events().head()).isEqualTo(37);
		write(publisher, "t99", "thing.created");
		publisher.relayOnce();
		assertThat(publisher.events().head()).isEqualTo(38);

		this.database.getCollection("events").drop();
		assertThat(publisher.events().head()).isZero();
	}

	private FeedPublisher publisher() {
		QueryShapes shapes = new QueryShapes();
		return new FeedPublishing(this.database, shapes, new Leases(this.database, this.clock, shapes),
				new FeedProperties(1, BY_HAND, null), null, this.clock)
			.publisher(FEED, BY_HAND);
	}

	/** A write the way a service makes one: marker first, then one update with the event inside. */
	private void write(FeedPublisher publisher, String id, String type) {
		Document current = this.things.find(Filters.eq("_id", id)).first();
		long revision = current == null ? 1 : current.getLong("revision") + 1;
		publisher.willStage(id, revision);
		Document event = publisher.stage(type, 1, this.clock.instant(), id,
				new Document("name", id + " rev " + revision + " " + java.util.UUID.randomUUID()));
		if (current == null) {
			this.things.insertOne(new Document("_id", id).append("revision", revision)
				.append("pendingEvents", new ArrayList<>(List.of(event))));
		}
		else {
			this.things.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revision", revision - 1)),
					Updates.combine(Updates.set("revision", revision), Updates.push("pendingEvents", event)));
		}
	}

}
