package news.platform.article.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.platform.article.IsolatedStore;
import news.platform.article.story.Article;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.publish.FeedPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article write path and the shared relay, end to end: a crash between staging an event (in
 * the article write) and relaying it, or between inserting it into the feed and clearing it from
 * the article, neither loses nor doubles it; and only the lease holder relays.
 */
class RelayCrashTest {

	private final IsolatedStore store = new IsolatedStore();

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aCrashAfterInsertingBeforeClearingIsRepairedByTheNextRun() {
		List<Article> published = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			published.add(this.store.publish(this.store.draft("Članak " + i)));
		}
		// each article staged two events (article.saved of its draft, article.published); the relay
		// got as far as inserting the first two, then the process died
		List<Document> staged = this.store.staged();
		assertThat(staged).hasSize(10);
		insertAsTheRelayDoes(1, staged.get(0));
		insertAsTheRelayDoes(2, staged.get(1));

		// a new process with a new holder id; the dead one's lease has expired (removed here rather than waited for)
		this.store.database.getCollection("leases").deleteMany(new Document());
		FeedPublisher restarted = this.store.relay();
		int moved = restarted.relayOnce();

		assertThat(moved).isEqualTo(8);
		assertThat(this.store.staged()).isEmpty();
		List<FeedEvent> feed = events(100);
		assertThat(feed).extracting(FeedEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
		assertThat(feed).filteredOn(event -> event.type().equals("article.published"))
			.extracting(FeedEvent::subjectId)
			.containsExactlyInAnyOrderElementsOf(published.stream().map(Article::id).toList());
		assertThat(feed).extracting(FeedEvent::type).containsOnly("article.saved", "article.published");

		// running again finds nothing to do, and the outbox is empty
		assertThat(restarted.relayOnce()).isZero();
		assertThat(this.store.outboxMarkers()).isZero();
		assertThat(events(100)).hasSize(10);
	}

	@Test
	void aCrashBeforeRelayingLosesNothing() {
		Article article = this.store.publish(this.store.draft("Prije releja"));
		// the process died right after the article writes: the events wait inside the article
		assertThat(this.store.staged()).hasSize(2);
		assertThat(events(10)).isEmpty();

		FeedPublisher restarted = this.store.relay();
		assertThat(restarted.relayOnce()).isEqualTo(2);
		assertThat(events(10)).extracting(FeedEvent::subjectId).containsExactly(article.id(), article.id());
		assertThat(events(10)).extracting(FeedEvent::type).containsExactly("article.saved", "article.published");
	}

	@Test
	void eventsStagedWithoutAnOutboxMarkerAreFoundByTheSweepWhenTheLeaseIsTaken() {
		Article article = this.store.publish(this.store.draft("Bez markera"));
		this.store.database.getCollection("article_outbox").deleteMany(new Document());
		assertThat(this.store.relay().relayOnce()).isEqualTo(2);
		assertThat(events(10)).extracting(FeedEvent::subjectId).containsExactly(article.id(), article.id());
	}

	@Test
	void aMarkerWhoseWriteNeverHappenedStaysUntilItIsAbandoned() {
		Article article = this.store.draft("Izgubljena utrka");
		FeedPublisher relay = this.store.relay();
		assertThat(relay.relayOnce()).as("the draft's article.saved").isEqualTo(1);
		// a write marked the outbox for revision 2 and then lost its race: no events, no revision 2
		this.store.database.getCollection("article_outbox")
			.insertOne(new Document("_id", article.id()).append("revision", 2L).append("at", new Date()));
		assertThat(relay.relayOnce()).isZero();
		assertThat(this.store.outboxMarkers()).isEqualTo(1);
		this.store.database.getCollection("article_outbox")
			.updateOne(new Document("_id", article.id()),
					new Document("$set", new Document("at", Date.from(Instant.now().minusSeconds(120)))));
		assertThat(relay.relayOnce()).isZero();
		assertThat(this.store.outboxMarkers()).isZero();
	}

	@Test
	void onlyTheLeaseHolderRelays() {
		this.store.publish(this.store.draft("Najam"));
		FeedPublisher first = this.store.relay();
		FeedPublisher second = this.store.relay();
		assertThat(first.relayOnce()).isEqualTo(2);
		this.store.publish(this.store.draft("Najam 2"));
		assertThat(second.relayOnce()).isZero();
		assertThat(first.relayOnce()).isEqualTo(2);
		assertThat(events(10)).extracting(FeedEvent::seq).containsExactly(1L, 2L, 3L, 4L);
	}

	private List<FeedEvent> events(int limit) {
		return this.store.feed.events().read(0, limit).events();
	}

	/** What the relay writes into {@code events} for a staged envelope (its first step). */
	private void insertAsTheRelayDoes(long seq, Document staged) {
		this.store.database.getCollection("events")
			.insertOne(new Document("_id", seq).append("eventId", staged.getString("eventId"))
				.append("type", staged.getString("type"))
				.append("schemaVersion", staged.getInteger("schemaVersion"))
				.append("occurredAt", staged.getDate("occurredAt"))
				.append("articleId", staged.getString("articleId"))
				.append("data", staged.get("data", Document.class)));
	}

}
