package news.platform.article.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import news.platform.article.IsolatedStore;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.autoconfigure.feed.FeedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replicas' schedulers over one database publish each due article exactly once. */
class ScheduledPublisherTest {

	private static final SchedulerProperties SCHEDULER = new SchedulerProperties(true, Duration.ofSeconds(1), 200);

	private final IsolatedStore store = new IsolatedStore();

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void twoInstancesPublishEachDueArticleExactlyOnce() throws Exception {
		List<Article> scheduled = new ArrayList<>();
		Instant due = Instant.now().minusSeconds(1);
		for (int i = 0; i < 60; i++) {
			scheduled.add(this.store.schedule(this.store.draft("Zakazano " + i), due));
		}
		ScheduledPublisher replicaA = new ScheduledPublisher(this.store.articles, this.store.schedule, this.store.commits,
				SCHEDULER);
		ScheduledPublisher replicaB = new ScheduledPublisher(this.store.articles, this.store.schedule, this.store.commits,
				SCHEDULER);

		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> runAfter(start, replicaA));
		CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> runAfter(start, replicaB));
		start.countDown();
		int published = a.get() + b.get();
		// whatever one pass left (a claim lost to the other while it scanned) the next pass finds
		published += replicaA.publishDue() + replicaB.publishDue();

		assertThat(published).isEqualTo(60);
		assertThat(this.store.schedule.due(Instant.now(), 1000)).isEmpty();
		for (Article article : scheduled) {
			Article now = this.store.articles.find(article.id()).orElseThrow();
			assertThat(now.status()).isEqualTo(ArticleStatus.PUBLISHED);
			// created, scheduled, published: one revision for the publication
			assertThat(now.revision()).isEqualTo(3);
			assertThat(this.store.database.getCollection("article_revisions")
				.countDocuments(new org.bson.Document("articleId", article.id()))).isEqualTo(3);
		}
		while (this.store.feed.relayOnce() > 0) {
			// drains the staged events
		}
		Map<String, Long> publishedEvents = this.store.feed.events()
			.read(0, 1000)
			.events()
			.stream()
			.filter(event -> event.type().equals("article.published"))
			.collect(Collectors.groupingBy(FeedEvent::subjectId, Collectors.counting()));
		assertThat(publishedEvents).hasSize(60).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		assertThat(publishedEvents.keySet())
			.containsExactlyInAnyOrderElementsOf(scheduled.stream().map(Article::id).toList());
	}

	@Test
	void articlesNotYetDueStayScheduled() {
		Article later = this.store.schedule(this.store.draft("Kasnije"), Instant.now().plusSeconds(3600));
		assertThat(new ScheduledPublisher(this.store.articles, this.store.schedule, this.store.commits, SCHEDULER).publishDue())
			.isZero();
		assertThat(this.store.articles.find(later.id()).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
		assertThat(this.store.schedule.due(Instant.now().plusSeconds(7200), 10)).hasSize(1);
	}

	private static int runAfter(CountDownLatch start, ScheduledPublisher publisher) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return publisher.publishDue();
	}

}
