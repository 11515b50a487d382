package news.platform.comment.articlestate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;

/**
 * Follows article-service's event feed into the article state projection: reads the events after
 * the stored cursor, applies each (an older event never overwrites a newer state), then moves the
 * cursor. A crash between apply and cursor re-applies the same events, which changes nothing, so no
 * event is missed and none counts twice.
 */
@Component
public class FeedConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedConsumer.class);

	private final ArticleServiceClient client;

	private final ArticleStates states;

	private final FeedCursor cursor;

	private final TaskScheduler scheduler;

	private final CommentProperties.ArticleState settings;

	private final Counter applied;

	private final AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);

	private final Clock clock = Clock.systemUTC();

	private volatile ScheduledFuture<?> task;

	private final java.util.concurrent.locks.ReentrantLock polling = new java.util.concurrent.locks.ReentrantLock();

	private volatile Instant lastSuccess = Instant.now();

	private volatile boolean failing;

	FeedConsumer(ArticleServiceClient client, ArticleStates states, FeedCursor cursor, TaskScheduler scheduler,
			CommentProperties properties, MeterRegistry meters,
			@Value("${spring.application.name}") String applicationName) {
		this.client = client;
		this.states = states;
		this.cursor = cursor;
		this.scheduler = scheduler;
		this.settings = properties.articleState();
		this.applied = Counter.builder("feed.consumer.events")
			.description("Article feed events applied to the article state projection")
			.tag("consumer", applicationName)
			.register(meters);
		Gauge.builder("feed.consumer.lag", this.lagSeconds, AtomicReference::get)
			.description("Age of the newest article feed event not yet applied; 0 when caught up")
			.baseUnit("seconds")
			.tag("consumer", applicationName)
			.register(meters);
	}

	/** Reads and applies feed pages until caught up; returns how many events were applied. */
	public int pollOnce() {
		this.polling.lock();
		try {
			return poll(Integer.MAX_VALUE);
		}
		finally {
			this.polling.unlock();
		}
	}

	private int poll(int maxPages) {
		int total = 0;
		int pages = 0;
		try {
			while (pages++ < maxPages) {
				long after = this.cursor.current();
				ArticleServiceClient.FeedPage page = this.client.events(after, this.settings.batchSize());
				Instant newest = null;
				for (ArticleServiceClient.FeedEvent event : page.events()) {
					apply(event);
					this.cursor.advanceTo(event.seq());
					this.applied.increment();
					newest = event.occurredAt();
					total++;
				}
				this.lastSuccess = this.clock.instant();
				if (this.failing) {
					log.info("article feed reachable again; resumed after seq {}", after);
					this.failing = false;
				}
				if (page.events().size() < this.settings.batchSize()) {
					this.lagSeconds.set(0.0);
					return total;
				}
				// more pages wait: the lag is at least the age of what was just applied
				this.lagSeconds.set(newest == null ? 0.0 : seconds(newest));
			}
			return total;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				log.warn("article feed unavailable, keeping the projection as it is: {}", ex.toString());
				this.failing = true;
			}
			// nothing is known about what waits; the time since the last good read bounds it
			this.lagSeconds.set(seconds(this.lastSuccess));
			return total;
		}
	}

	private void apply(ArticleServiceClient.FeedEvent event) {
		ArticleServiceClient.FeedEvent.Data data = event.data();
		boolean deleted = "article.deleted".equals(event.type());
		boolean published = !deleted && data != null && "PUBLISHED".equals(data.status())
				&& !"article.unpublished".equals(event.type());
		ArticleState state = new ArticleState(event.articleId(), !deleted, published,
				data != null && Boolean.TRUE.equals(data.commentsOpen()), data == null ? null : data.commentsCloseAt(),
				data == null ? null : data.section(),
				data == null ? null : (data.firstPublishedAt() != null ? data.firstPublishedAt() : data.publishedAt()),
				event.seq(), "feed", this.clock.instant());
		this.states.applyFromFeed(state);
	}

	/**
	 * Reads the feed now, from a request that needs an article the projection does not know; not
	 * while the feed is failing (the state endpoint's breaker decides then). True if the read went
	 * through.
	 */
	boolean catchUp() {
		if (this.failing || !this.settings.feedEnabled()) {
			return false;
		}
		// one page at most, waiting for a running poll no longer than the call timeout: a request never
		// waits for a long backlog (the state endpoint answers then)
		try {
			if (!this.polling.tryLock(this.settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		try {
			poll(1);
			return !this.failing;
		}
		finally {
			this.polling.unlock();
		}
	}

	private double seconds(Instant since) {
		return Math.max(0, Duration.between(since, this.clock.instant()).toMillis() / 1000.0);
	}

	@Override
	public void start() {
		if (this.settings.feedEnabled()) {
			this.task = this.scheduler.scheduleWithFixedDelay(this::pollOnce, this.settings.pollInterval());
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> running = this.task;
		if (running != null) {
			running.cancel(false);
		}
		this.task = null;
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

}
