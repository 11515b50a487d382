package news.platform.autoconfigure.feed.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.support.InMemoryMongo;
import news.platform.autoconfigure.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer side of every feed, tested once: against a producer on a real port that fails,
 * hangs, refuses the token and recovers, with a clock the test moves, so each poll is a call the
 * test makes ({@code tick}, as the scheduler would) and backoff is counted in requests, not timed.
 */
class FeedFollowerTest {

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofMillis(800);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Long> applied = new ArrayList<>();

	private FakeFeed feed;

	private MongoDatabase database;

	@BeforeEach
	void start() throws Exception {
		this.feed = new FakeFeed();
		this.database = InMemoryMongo.freshDatabase();
	}

	@AfterEach
	void stop() {
		this.feed.close();
	}

	@Test
	void appliesEveryEventOnceInSeqOrderAcrossPagesAndReadsDataLeniently() {
		List<FeedEvent> seen = new ArrayList<>();
		publish(25);
		FeedFollower follower = follower(storedCursor(), seen::add, 10);

		follower.tick();

		assertThat(seen).extracting(FeedEvent::seq).containsExactlyElementsOf(seqs(1, 25));
		FeedEvent first = seen.get(0);
		assertThat(first.type()).isEqualTo("article.published");
		assertThat(first.subjectId()).isEqualTo("a1");
		assertThat(first.occurredAt()).isEqualTo(this.clock.instant());
		assertThat(first.data().string("status")).isEqualTo("PUBLISHED");
		assertThat(first.data().strings("mediaIds")).containsExactly("m1");
		assertThat(first.data().string("missing")).isNull();
		assertThat(follower.position()).isEqualTo(25);
		assertThat(follower.lagSeconds()).isZero();
		assertThat(eventsCounted()).isEqualTo(25);
		assertThat(this.feed.lastAuthorization()).isEqualTo("Bearer service-token");
	}

	@Test
	void aStoredCursorResumesAfterARestartWithoutSkippingOrRepeating() {
		publish(10);
		follower(storedCursor(), event -> this.applied.add(event.seq()), 100).tick();
		publish(5);

		FeedFollower restarted = follower(storedCursor(), event -> this.applied.add(event.seq()), 100);
		restarted.tick();

		assertThat(this.applied).containsExactlyElementsOf(seqs(1, 15));
		assertThat(new StoredFeedCursor(this.database, "test-consumer", new QueryShapes()).current()).isEqualTo(15);
	}

	@Test
	void aCursorFromTheHeadTakesOnlyWhatHappensAfterTheFollowerStarts() {
		publish(10);
		FeedFollower follower = follower(FeedCursor.fromHead(), event -> this.applied.add(event.seq()), 100);

		follower.tick();
		assertThat(this.applied).isEmpty();
		assertThat(follower.position()).isEqualTo(10);

		publish(2);
		follower.tick();
		assertThat(this.applied).containsExactly(11L, 12L);
	}

	@Test
	void whileTheProducerFailsItWaitsTwiceAsLongEachTimeUpToTheCeilingThenResumesWhereItStopped() {
		publish(3);
		FeedFollower follower = follower(storedCursor(), event -> this.applied.add(event.seq()), 100);
		follower.tick();
		this.feed.mode(FakeFeed.Mode.FAIL);
		publish(2);

		// attempts at 0, +100, +200, +400, +800, +800 ms: ticks in between ask nothing
		List<Integer> attemptsAfter = new ArrayList<>();
		int before = this.feed.requests();
		for (int step = 0; step < 24; step++) {
			follower.tick();
			attemptsAfter.add(this.feed.requests() - before);
			this.clock.advance(INTERVAL);
		}
		assertThat(follower.isFailing()).isTrue();
		assertThat(attemptsAfter).as("cumulative attempts after each 100 ms tick")
			.containsExactly(1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6);
		assertThat(this.applied).containsExactly(1L, 2L, 3L);
		assertThat(lag()).as("while failing: the time since the last good read").isEqualTo(2.3);

		this.feed.mode(FakeFeed.Mode.ANSWER);
		this.clock.advance(MAX_BACKOFF);
		follower.tick();

		assertThat(follower.isFailing()).isFalse();
		assertThat(this.applied).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(lag()).isZero();
	}

	@Test
	void aTokenTheProducerRefusesIsAFailureLikeAnyOther() {
		publish(1);
		this.feed.mode(FakeFeed.Mode.UNAUTHORIZED);
		FeedFollower follower = follower(storedCursor(), event -> this.applied.add(event.seq()), 100);

		follower.tick();

		assertThat(follower.isFailing()).isTrue();
		assertThat(this.applied).isEmpty();
	}

	@Test
	void aProducerThatHangsIsAFailedReadAfterTheTimeLimitNotAStuckFollower() {
		publish(2);
		FeedFollower follower = follower(storedCursor(), event -> this.applied.add(event.seq()), 100);
		follower.tick();
		this.feed.mode(FakeFeed.Mode.HANG);
		publish(1);

		CompletableFuture<Void> poll = CompletableFuture.runAsync(follower::tick);

		await().atMost(Duration.ofSeconds(10)).until(poll::isDone);
		assertThat(follower.isFailing()).isTrue();
		assertThat(follower.catchUp(Duration.ofMillis(10))).as("no catch-up while failing").isFalse();

		this.feed.mode(FakeFeed.Mode.ANSWER);
		this.clock.advance(MAX_BACKOFF);
		follower.tick();
		assertThat(this.applied).containsExactly(1L, 2L, 3L);
	}

	@Test
	void aHandlerThatFailsGetsTheSameEventAgainAndNothingAfterItRunsFirst() {
		publish(5);
		AtomicInteger attemptsOnThree = new AtomicInteger();
		List<Long> batchesFinished = new ArrayList<>();
		FeedHandler handler = new FeedHandler() {

			@Override
			public void apply(FeedEvent event) {
				if (event.seq() == 3 && attemptsOnThree.incrementAndGet() <= 2) {
					throw new IllegalStateException("index locked");
				}
				FeedFollowerTest.this.applied.add(event.seq());
			}

			@Override
			public void afterBatch() {
				batchesFinished.add((long) FeedFollowerTest.this.applied.size());
			}

		};
		FeedFollower follower = follower(storedCursor(), handler, 100);
		this.clock.advance(Duration.ofSeconds(7));

		follower.tick();
		assertThat(this.applied).containsExactly(1L, 2L);
		assertThat(follower.position()).isEqualTo(2);
		assertThat(lag()).as("the age of event 3, read but not applied").isEqualTo(7.0);
		assertThat(batchesFinished).as("what was applied is made visible").containsExactly(2L);

		this.clock.advance(INTERVAL);
		follower.tick();
		this.clock.advance(INTERVAL.multipliedBy(2));
		follower.tick();

		assertThat(attemptsOnThree).hasValue(3);
		assertThat(this.applied).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(follower.isFailing()).isFalse();
		assertThat(eventsCounted()).isEqualTo(5);
	}

	@Test
	void aCatchUpReadsOnePageNowForARequestThatNeedsIt() {
		FeedFollower follower = follower(storedCursor(), event -> this.applied.add(event.seq()), 100);
		follower.tick();
		publish(1);

		assertThat(follower.catchUp(Duration.ofSeconds(1))).isTrue();
		assertThat(this.applied).containsExactly(1L);
	}

	@Test
	void lagIsTheAgeOfWhatWaitsWhileAPageIsFull() {
		publish(4);
		this.clock.advance(Duration.ofSeconds(30));
		FeedFollower follower = new FeedFollower("test-consumer", "articles", source(), storedCursor(),
				event -> this.applied.add(event.seq()),
				new FeedFollower.Settings(INTERVAL, 2, MAX_BACKOFF, 1, false), null, this.clock, this.meters);

		follower.tick();

		assertThat(this.applied).containsExactly(1L, 2L);
		assertThat(lag()).isEqualTo(30.0);
		follower.pollNow();
		assertThat(this.applied).containsExactly(1L, 2L, 3L, 4L);
		assertThat(lag()).isZero();
	}

	private FeedFollower follower(FeedCursor cursor, FeedHandler handler, int batchSize) {
		return new FeedFollower("test-consumer", "articles", source(), cursor, handler,
				new FeedFollower.Settings(INTERVAL, batchSize, MAX_BACKOFF, 20, false), null, this.clock, this.meters);
	}

	private HttpFeedSource source() {
		return new HttpFeedSource(this.feed.baseUrl() + "/", "articles", "articleId", () -> "Bearer service-token",
				Duration.ofMillis(500));
	}

	private StoredFeedCursor storedCursor() {
		return new StoredFeedCursor(this.database, "test-consumer", new QueryShapes());
	}

	private void publish(int count) {
		for (int i = 0; i < count; i++) {
			this.feed.publish("article.published", "a" + (i + 1), this.clock.instant());
		}
	}

	private double lag() {
		return this.meters.get("feed.consumer.lag").tag("consumer", "test-consumer").tag("feed", "articles").gauge().value();
	}

	private double eventsCounted() {
		return this.meters.get("feed.consumer.events").tag("consumer", "test-consumer").counter().count();
	}

	private static List<Long> seqs(long from, long to) {
		List<Long> seqs = new ArrayList<>();
		for (long seq = from; seq <= to; seq++) {
			seqs.add(seq);
		}
		return seqs;
	}

}
