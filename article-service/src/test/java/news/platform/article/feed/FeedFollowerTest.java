package news.platform.article.feed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import news.platform.article.IsolatedStore;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.follow.FeedCursor;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's in-process followers (search index, reader cache) read the article feed the write
 * path staged and the relay moved: each handler gets every event once, in seq order; a failing one
 * is retried from where it failed, never skipped, and does not hold the others back.
 */
class FeedFollowerTest {

	private final IsolatedStore store = new IsolatedStore();

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aHandlerThatFailsIsRetriedWithoutSkippingOrDoubling() {
		// three events: each draft's article.saved
		for (int i = 0; i < 3; i++) {
			this.store.draft("Slijed " + i);
		}
		this.store.feed.relayOnce();
		List<Long> delivered = new ArrayList<>();
		int[] failuresLeft = { 2 };
		FeedFollower flaky = follower("flaky", event -> {
			if (event.seq() == 2 && failuresLeft[0]-- > 0) {
				throw new IllegalStateException("index busy");
			}
			delivered.add(event.seq());
		});
		List<Long> steady = new ArrayList<>();
		List<Integer> batchEnds = new ArrayList<>();
		FeedFollower other = follower("other", new FeedHandler() {

			@Override
			public void apply(FeedEvent event) {
				steady.add(event.seq());
			}

			@Override
			public void afterBatch() {
				batchEnds.add(steady.size());
			}

		});

		flaky.pollNow();
		other.pollNow();
		assertThat(delivered).containsExactly(1L);
		assertThat(flaky.isFailing()).isTrue();
		assertThat(flaky.position()).isEqualTo(1);
		assertThat(steady).containsExactly(1L, 2L, 3L);
		flaky.pollNow();
		flaky.pollNow();
		assertThat(delivered).containsExactly(1L, 2L, 3L);
		assertThat(flaky.isFailing()).isFalse();
		other.pollNow();
		assertThat(steady).containsExactly(1L, 2L, 3L);
		assertThat(batchEnds).as("told once, after its three events; not for polls with nothing new")
			.containsExactly(3);
	}

	private FeedFollower follower(String consumer, FeedHandler handler) {
		return new FeedFollower(consumer, "articles", this.store.feed.events(), new FromTheStart(), handler,
				FeedFollower.Settings.of(IsolatedStore.SETTINGS.follow()), new SimpleAsyncTaskScheduler(),
				Clock.systemUTC(), new SimpleMeterRegistry());
	}

	/** From seq 0, in memory: the test reads the whole feed. */
	private static final class FromTheStart implements FeedCursor {

		@Override
		public long resume(LongSupplier head) {
			return 0;
		}

		@Override
		public void advance(long seq) {
		}

	}

}
