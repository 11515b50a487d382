package news.platform.article.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import news.platform.article.article.ArticleProperties;

/**
 * Follows the feed inside this replica and hands each event, in seq order, to every
 * {@link FeedListener}: how a write on another replica reaches this one's cache and index.
 */
@Component
class FeedFollower {

	private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);

	private final FeedEvents events;

	private final ObjectProvider<FeedListener> listeners;

	private final ArticleProperties properties;

	private static final int MAX_ATTEMPTS = 5;

	private final Map<FeedListener, Long> positions = new LinkedHashMap<>();

	private final Map<FeedListener, Integer> failures = new java.util.HashMap<>();

	FeedFollower(FeedEvents events, ObjectProvider<FeedListener> listeners, ArticleProperties properties) {
		this.events = events;
		this.listeners = listeners;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start(ApplicationReadyEvent ready) {
		startAt(this.events.head());
		ready.getApplicationContext()
			.getBean(TaskScheduler.class)
			.scheduleWithFixedDelay(this::runSafely, this.properties.feed().followInterval());
	}

	synchronized void startAt(long head) {
		this.listeners.orderedStream().forEach(listener -> this.positions.put(listener, listener.resumeAfter(head)));
	}

	private void runSafely() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			log.warn("Following the article feed failed; retrying on the next poll", ex);
		}
	}

	synchronized void poll() {
		if (this.positions.isEmpty()) {
			return;
		}
		long from = this.positions.values().stream().mapToLong(Long::longValue).min().orElseThrow();
		List<FeedEvent> batch = this.events.read(from, this.properties.feed().batchSize());
		for (Map.Entry<FeedListener, Long> position : this.positions.entrySet()) {
			boolean delivered = false;
			for (FeedEvent event : batch) {
				if (event.seq() <= position.getValue()) {
					continue;
				}
				delivered = true;
				if (!deliver(position.getKey(), event)) {
					// retried from this event on the next poll, so the listener misses nothing
					break;
				}
				position.setValue(event.seq());
			}
			if (delivered) {
				finish(position.getKey());
			}
		}
	}

	private static void finish(FeedListener listener) {
		try {
			listener.afterEvents();
		}
		catch (RuntimeException ex) {
			log.warn("Feed listener {} failed to finish a batch; its next batch retries", listener, ex);
		}
	}

	private boolean deliver(FeedListener listener, FeedEvent event) {
		try {
			listener.onEvent(event);
			this.failures.remove(listener);
			return true;
		}
		catch (RuntimeException ex) {
			int failed = this.failures.merge(listener, 1, Integer::sum);
			if (failed >= MAX_ATTEMPTS) {
				log.error("Feed listener {} failed {} times on event {}; skipping it", listener, failed, event.seq(),
						ex);
				this.failures.remove(listener);
				return true;
			}
			log.warn("Feed listener {} failed on event {} (attempt {}); retrying", listener, event.seq(), failed, ex);
			return false;
		}
	}

}
