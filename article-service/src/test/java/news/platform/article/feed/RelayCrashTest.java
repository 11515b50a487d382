package news.platform.article.feed;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.platform.article.article.Article;
import news.platform.article.article.IsolatedStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between staging an event (in the article write) and relaying it, or between inserting
 * it into the feed and clearing it from the article, neither loses nor doubles it.
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
		// the relay got as far as inserting the first two staged events, then the process died
		List<Document> staged = this.store.articles.withPendingEvents(100)
			.stream()
			.flatMap(article -> article.getList("pendingEvents", Document.class).stream())
			.sorted((a, b) -> a.getDate("occurredAt").compareTo(b.getDate("occurredAt")))
			.toList();
		assertThat(staged).hasSize(5);
		assertThat(this.store.events.insert(1, staged.get(0))).isEqualTo(FeedEvents.Insert.INSERTED);
		assertThat(this.store.events.insert(2, staged.get(1))).isEqualTo(FeedEvents.Insert.INSERTED);

		// a new process with a new holder id; the dead one's lease has expired (removed here rather than waited for)
		this.store.database.getCollection("leases").deleteMany(new Document());
		EventRelay restarted = this.store.relay();
		int moved = restarted.relayOnce();

		assertThat(moved).isEqualTo(3);
		assertThat(this.store.articles.withPendingEvents(100)).isEmpty();
		List<FeedEvent> feed = this.store.events.read(0, 100);
		assertThat(feed).extracting(FeedEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(feed).extracting(FeedEvent::articleId)
			.containsExactlyInAnyOrderElementsOf(published.stream().map(Article::id).toList());
		assertThat(feed).extracting(FeedEvent::type).containsOnly("article.published");

		// running again finds nothing to do, and the outbox is empty
		assertThat(restarted.relayOnce()).isZero();
		assertThat(this.store.outbox.markers(100)).isEmpty();
		assertThat(this.store.events.read(0, 100)).hasSize(5);
	}

	@Test
	void aCrashBeforeRelayingLosesNothing() {
		Article article = this.store.publish(this.store.draft("Prije releja"));
		// the process died right after the article write: the event waits inside the article
		assertThat(this.store.articles.withPendingEvents(10)).hasSize(1);
		assertThat(this.store.events.read(0, 10)).isEmpty();

		EventRelay restarted = this.store.relay();
		assertThat(restarted.relayOnce()).isEqualTo(1);
		assertThat(this.store.events.read(0, 10)).singleElement()
			.satisfies(event -> assertThat(event.articleId()).isEqualTo(article.id()));
	}

	@Test
	void eventsStagedWithoutAnOutboxMarkerAreFoundByTheSweepWhenTheLeaseIsTaken() {
		Article article = this.store.publish(this.store.draft("Bez markera"));
		this.store.database.getCollection("article_outbox").deleteMany(new Document());
		assertThat(this.store.relay().relayOnce()).isEqualTo(1);
		assertThat(this.store.events.read(0, 10)).extracting(FeedEvent::articleId).containsExactly(article.id());
	}

	@Test
	void aMarkerWhoseWriteNeverHappenedStaysUntilItIsAbandoned() {
		Article article = this.store.draft("Izgubljena utrka");
		// a write marked the outbox for revision 2 and then lost its race: no events, no revision 2
		this.store.database.getCollection("article_outbox")
			.insertOne(new Document("_id", article.id()).append("revision", 2L).append("at", new java.util.Date()));
		EventRelay relay = this.store.relay();
		assertThat(relay.relayOnce()).isZero();
		assertThat(this.store.outbox.markers(10)).hasSize(1);
		this.store.database.getCollection("article_outbox")
			.updateOne(new Document("_id", article.id()),
					new Document("$set", new Document("at", java.util.Date.from(java.time.Instant.now().minusSeconds(120)))));
		assertThat(relay.relayOnce()).isZero();
		assertThat(this.store.outbox.markers(10)).isEmpty();
	}

	@Test
	void onlyTheLeaseHolderRelays() {
		this.store.publish(this.store.draft("Najam"));
		EventRelay first = this.store.relay();
		EventRelay second = this.store.relay();
		assertThat(first.relayOnce()).isEqualTo(1);
		this.store.publish(this.store.draft("Najam 2"));
		assertThat(second.relayOnce()).isZero();
		assertThat(first.relayOnce()).isEqualTo(1);
		assertThat(this.store.events.read(0, 10)).extracting(FeedEvent::seq).containsExactly(1L, 2L);
	}

}
