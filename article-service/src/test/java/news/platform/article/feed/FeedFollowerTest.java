package news.platform.article.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import news.platform.article.article.IsolatedStore;

import static org.assertj.core.api.Assertions.assertThat;

/** Listeners get every event once, in seq order; a failing listener is retried from where it failed. */
class FeedFollowerTest {

	private final IsolatedStore store = new IsolatedStore();

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aListenerThatFailsIsRetriedWithoutSkippingOrDoubling() {
		for (int i = 0; i < 3; i++) {
			this.store.publish(this.store.draft("Slijed " + i));
		}
		this.store.relay().relayOnce();
		List<Long> delivered = new ArrayList<>();
		int[] failuresLeft = { 2 };
		FeedListener flaky = event -> {
			if (event.seq() == 2 && failuresLeft[0]-- > 0) {
				throw new IllegalStateException("index busy");
			}
			delivered.add(event.seq());
		};
		List<Long> steady = new ArrayList<>();
		List<Integer> batchEnds = new ArrayList<>();
		FeedListener other = new FeedListener() {

			@Override
			public void onEvent(FeedEvent event) {
				steady.add(event.seq());
			}

			@Override
			public void afterEvents() {
				batchEnds.add(steady.size());
			}

		};
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("flaky", flaky, "other", other));
		FeedFollower follower = new FeedFollower(this.store.events, beans.getBeanProvider(FeedListener.class),
				this.store.properties);
		follower.startAt(0);

		follower.poll();
		assertThat(delivered).containsExactly(1L);
		assertThat(steady).containsExactly(1L, 2L, 3L);
		follower.poll();
		follower.poll();
		assertThat(delivered).containsExactly(1L, 2L, 3L);
		follower.poll();
		assertThat(steady).containsExactly(1L, 2L, 3L);
		assertThat(batchEnds).as("told once, after its three events; not for polls with nothing new")
			.containsExactly(3);
	}

}
