package news.platform.article.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import news.platform.article.search.ArticleIndex.Filters;
import news.platform.article.search.ArticleIndex.Hit;
import news.platform.article.search.ArticleIndex.ListQuery;
import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;

import static news.platform.article.search.Documents.article;
import static org.assertj.core.api.Assertions.assertThat;

/** The search index's follower: how it applies events, when readers see them, and where it resumes. */
class SearchFeedHandlerTest {

	@TempDir
	Path directory;

	private final InMemoryArticleSource source = new InMemoryArticleSource();

	private final List<Object> published = new java.util.concurrent.CopyOnWriteArrayList<>();

	private LuceneArticleIndex index;

	private SearchIndexMaintenance maintenance;

	private SearchFeedHandler handler;

	@BeforeEach
	void open() {
		openIndex();
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void appliesPublishUpdateAndRemovalEvents() {
		this.source.publish(article("a1", 1, "Prvi naslov", "Tekst"));
		deliver(event(1, "article.published", "a1"));
		assertThat(headlines()).containsExactly("Prvi naslov");

		this.source.publish(article("a1", 1, "Ispravljen naslov", "Tekst"));
		deliver(event(2, "article.updated", "a1"));
		assertThat(headlines()).containsExactly("Ispravljen naslov");

		// an unpublished article stays for staff lists, out of readers' sight
		this.source.publish(Documents.inState(article("a1", 1, "Ispravljen naslov", "Tekst"), "UNPUBLISHED", "j-1"));
		deliver(event(3, "article.unpublished", "a1"));
		assertThat(headlines()).isEmpty();
		assertThat(this.index.list(new ListQuery(Filters.NONE, ArticleIndex.Order.UPDATED, 50, null,
				ArticleIndex.Viewer.editor("e-1"))).items()).extracting(Hit::status).containsExactly("UNPUBLISHED");

		this.source.unpublish("a1");
		deliver(event(4, "article.deleted", "a1"));
		assertThat(this.index.count()).isZero();

		this.source.publish(article("a2", 2, "Drugi", "Tekst"));
		deliver(event(5, "article.comments-changed", "a2"));
		this.source.unpublish("a2");
		// an update whose article is gone meanwhile (a late event) removes it rather than
		// re-adding a stale copy
		deliver(event(6, "article.updated", "a2"));
		assertThat(headlines()).isEmpty();
	}

	@Test
	void aBatchOfEventsBecomesVisibleTogetherAtItsEnd() {
		this.source.publish(article("b1", 1, "Prvi", "Tekst"));
		this.source.publish(article("b2", 2, "Drugi", "Tekst"));

		applied(event(1, "article.published", "b1"));
		applied(event(2, "article.published", "b2"));
		assertThat(headlines()).as("one refresh per batch, not per event").isEmpty();

		this.handler.afterBatch();
		assertThat(headlines()).containsExactly("Drugi", "Prvi");
	}

	@Test
	void resumesTheFeedFromWhatTheIndexMadeDurable() throws IOException {
		assertThat(this.handler.resume(() -> 40)).as("a fresh index starts at the head").isEqualTo(40);

		this.source.publish(article("a1", 1, "Prvi", "Tekst"));
		applied(event(41, "article.published", "a1"));
		this.index.commit();
		applied(event(42, "article.published", "a1"));
		reopen();

		assertThat(this.handler.resume(() -> 50)).isEqualTo(42);
		assertThat(this.handler.resume(() -> 10)).as("a reset feed starts over").isEqualTo(10);
	}

	@Test
	void rebuildsAnEmptyIndexFromTheSourceAndRefusesTrafficMeanwhile() {
		this.source.publish(article("r1", 1, "Prvi", "Tekst"));
		this.source.publish(article("r2", 2, "Drugi", "Tekst"));

		this.maintenance.rebuildIfEmpty();

		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(headlines()).containsExactly("Drugi", "Prvi");
			assertThat(this.published).hasSize(2);
		});
		assertThat(this.published).extracting(event -> ((AvailabilityChangeEvent<?>) event).getState().toString())
			.containsExactly("REFUSING_TRAFFIC", "ACCEPTING_TRAFFIC");
	}

	@Test
	void isOutOfServiceForReadinessFromTheMomentARebuildIsDecidedUntilItEnds() throws InterruptedException {
		this.source.publish(article("g1", 1, "Prvi", "Tekst"));
		java.util.concurrent.CountDownLatch storeAnswers = new java.util.concurrent.CountDownLatch(1);
		ArticleSource slowStore = new ArticleSource() {

			@Override
			public java.util.stream.Stream<SearchDocument> all() {
				try {
					storeAnswers.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return SearchFeedHandlerTest.this.source.all();
			}

			@Override
			public java.util.Optional<SearchDocument> find(String articleId) {
				return SearchFeedHandlerTest.this.source.find(articleId);
			}

		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("source", slowStore);
		SearchIndexMaintenance starting = new SearchIndexMaintenance(this.index,
				beans.getBeanProvider(ArticleSource.class), properties(), event -> {
				});
		HealthIndicator readiness = starting.searchIndexHealthIndicator();
		assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);

		starting.rebuildIfEmpty();

		// when the ready event's listeners return, before the store has answered anything
		assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		storeAnswers.countDown();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(readiness.health().getStatus()).isEqualTo(Status.UP));
		assertThat(headlines()).containsExactly("Prvi");
	}

	@Test
	void leavesANonEmptyIndexAlone() {
		this.index.upsert(article("kept", 1, "Ostaje", "Tekst"));
		this.source.publish(article("r1", 1, "Iz izvora", "Tekst"));

		this.maintenance.rebuildIfEmpty();

		assertThat(headlines()).containsExactly("Ostaje");
		assertThat(this.published).isEmpty();
	}

	private void reopen() throws IOException {
		this.index.close();
		openIndex();
	}

	private void openIndex() {
		this.index = new LuceneArticleIndex(this.directory.resolve("index"), Clock.systemUTC(), Duration.ofMinutes(1),
				false);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("source", this.source);
		this.maintenance = new SearchIndexMaintenance(this.index, beans.getBeanProvider(ArticleSource.class),
				properties(), this.published::add);
		this.handler = new SearchFeedHandler(this.maintenance, this.index, () -> {
		});
	}

	private static SearchProperties properties() {
		return new SearchProperties(null, Duration.ofSeconds(1), "public", true,
				org.springframework.util.unit.DataSize.ofMegabytes(1), 0, 256, Duration.ofSeconds(2));
	}

	/** As the follower does: the handler applies the event, then the cursor (the same object) advances. */
	private void applied(FeedEvent event) {
		this.handler.apply(event);
		this.handler.advance(event.seq());
	}

	private void deliver(FeedEvent event) {
		applied(event);
		this.handler.afterBatch();
	}

	private List<String> headlines() {
		return this.index.list(new ListQuery(Filters.NONE, 50, null)).items().stream().map(Hit::headline).toList();
	}

	private static FeedEvent event(long seq, String type, String articleId) {
		return new FeedEvent(seq, type, 1, Instant.now(), articleId, FeedData.empty());
	}

}
