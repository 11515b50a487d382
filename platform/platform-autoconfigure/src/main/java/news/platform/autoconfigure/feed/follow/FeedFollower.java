package news.platform.autoconfigure.feed.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.FeedPage;
import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.feed.FeedSource;

/**
 * Follows one feed for one consumer: reads the events after its position, hands each to the
 * {@link FeedHandler} in seq order, and moves the {@link FeedCursor} after each. While the producer
 * fails (down, hanging past the time limit, refusing the token) or the handler fails, it waits
 * before trying again, twice as long each time up to a ceiling, then resumes exactly where it
 * stopped: no event is skipped, none applied out of order.
 *
 * <p>Metrics, tagged {@code consumer} and {@code feed}:
 * <ul>
 * <li>{@code feed_consumer_lag_seconds}: how far behind the consumer is. The age of the oldest
 * event it has read but not yet applied; 0 when caught up; while the feed cannot be read, the time
 * since the last successful read.</li>
 * <li>{@code feed_consumer_events_total}: events applied.</li>
 * </ul>
 */
public final class FeedFollower implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);

	private final String consumer;

	private final String feed;

	private final FeedSource source;

	private final FeedCursor cursor;

	private final FeedHandler handler;

	private final Settings settings;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final Counter applied;

	private final ReentrantLock polling = new ReentrantLock();

	/** The last seq applied; null until the cursor was read. */
	private volatile Long position;

	private volatile double lagSeconds;

	private volatile Instant lastSuccess;

	private volatile int failures;

	private volatile Instant nextAttempt = Instant.MIN;

	private volatile ScheduledFuture<?> running;

	/**
	 * @param interval pause between polls while all is well
	 * @param batchSize events asked for per read
	 * @param maxBackoff the longest pause between attempts while failing
	 * @param maxPagesPerPoll pages read in one poll at most
	 * @param enabled whether the follower polls on its own once started
	 */
	public record Settings(Duration interval, int batchSize, Duration maxBackoff, int maxPagesPerPoll,
			boolean enabled) {

		public static Settings of(FeedProperties.Follow follow) {
			return new Settings(follow.interval(), follow.batchSize(), follow.maxBackoff(), follow.maxPagesPerPoll(),
					follow.enabled());
		}

		public Settings withInterval(Duration pause) {
			return new Settings(pause, this.batchSize, this.maxBackoff, this.maxPagesPerPoll, this.enabled);
		}

		public Settings withBatchSize(int size) {
			return new Settings(this.interval, size, this.maxBackoff, this.maxPagesPerPoll, this.enabled);
		}

		public Settings withEnabled(boolean on) {
			return new Settings(this.interval, this.batchSize, this.maxBackoff, this.maxPagesPerPoll, on);
		}

	}

	public FeedFollower(String consumer, String feed, FeedSource source, FeedCursor cursor, FeedHandler handler,
			Settings settings, TaskScheduler scheduler, Clock clock, MeterRegistry meters) {
		this.consumer = consumer;
		this.feed = feed;
		this.source = source;
		this.cursor = cursor;
		this.handler = handler;
		this.settings = settings;
		this.scheduler = scheduler;
		this.clock = clock;
		this.lastSuccess = clock.instant();
		this.applied = Counter.builder("feed.consumer.events")
			.description("feed events applied by this consumer")
			.tag("consumer", consumer)
			.tag("feed", feed)
			.register(meters);
		Gauge.builder("feed.consumer.lag", this, follower -> follower.lagSeconds)
			.description("age of the oldest feed event read but not yet applied; 0 when caught up; "
					+ "while the feed cannot be read, the time since the last successful read")
			.baseUnit("seconds")
			.tag("consumer", consumer)
			.tag("feed", feed)
			.register(meters);
	}

	/** Reads and applies until caught up, now, whatever the backoff says; how many events were applied. */
	public int pollNow() {
		this.polling.lock();
		try {
			return poll(Integer.MAX_VALUE);
		}
		finally {
			this.polling.unlock();
		}
	}

	/**
	 * One read now, for a request that needs what the feed may just have said; waits at most
	 * {@code wait} for a poll under way and never while the feed is failing (the caller decides
	 * what to do then). True if the read went through. It reads even when the follower does not
	 * poll on its own ({@code enabled = false}): a caller that switches following off checks its
	 * own switch first.
	 */
	public boolean catchUp(Duration wait) {
		if (this.failures > 0) {
			return false;
		}
		try {
			if (!this.polling.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				return false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		try {
			poll(1);
			return this.failures == 0;
		}
		finally {
			this.polling.unlock();
		}
	}

	/** One scheduled poll: skipped while backing off or while another poll runs. */
	void tick() {
		if (this.clock.instant().isBefore(this.nextAttempt) || !this.polling.tryLock()) {
			return;
		}
		try {
			poll(this.settings.maxPagesPerPoll());
		}
		finally {
			this.polling.unlock();
		}
	}

	private int poll(int maxPages) {
		int total = 0;
		try {
			long after = positionOrResume();
			for (int page = 0; page < maxPages; page++) {
				FeedPage read = this.source.read(after, this.settings.batchSize());
				this.lastSuccess = this.clock.instant();
				if (read.events().isEmpty()) {
					this.lagSeconds = 0;
					recovered();
					return total;
				}
				int applied = 0;
				for (FeedEvent event : read.events()) {
					if (event.seq() <= after) {
						continue;
					}
					if (!apply(event)) {
						finishBatch(applied);
						return total + applied;
					}
					after = event.seq();
					applied++;
				}
				total += applied;
				finishBatch(applied);
				recovered();
				if (read.events().size() < this.settings.batchSize()) {
					this.lagSeconds = 0;
					return total;
				}
				// more may wait: behind by at least the age of what was just applied
				this.lagSeconds = ageOf(read.events().get(read.events().size() - 1));
			}
			return total;
		}
		catch (RuntimeException ex) {
			failed("the feed cannot be read (" + ex.getMessage() + ")", ex, false);
			this.lagSeconds = seconds(this.lastSuccess);
			return total;
		}
	}

	private long positionOrResume() {
		Long known = this.position;
		if (known == null) {
			known = this.cursor.resume(this.source::head);
			this.position = known;
			log.info("{} follows the {} feed after seq {} ({})", this.consumer, this.feed, known, this.cursor);
		}
		return known;
	}

	/** False when the handler (or the cursor) failed: retried later from this event. */
	private boolean apply(FeedEvent event) {
		try {
			this.handler.apply(event);
			this.cursor.advance(event.seq());
		}
		catch (RuntimeException ex) {
			failed("event " + event.seq() + " (" + event.type() + ") could not be applied", ex, true);
			this.lagSeconds = ageOf(event);
			return false;
		}
		this.position = event.seq();
		this.applied.increment();
		return true;
	}

	private void finishBatch(int applied) {
		if (applied == 0) {
			return;
		}
		try {
			this.handler.afterBatch();
		}
		catch (RuntimeException ex) {
			log.warn("{}: finishing a batch of the {} feed failed; the next batch finishes it", this.consumer,
					this.feed, ex);
		}
	}

	private void failed(String what, RuntimeException ex, boolean handler) {
		int count = ++this.failures;
		long factor = 1L << Math.min(count - 1, 20);
		Duration pause = this.settings.interval().multipliedBy(factor);
		if (pause.compareTo(this.settings.maxBackoff()) > 0) {
			pause = this.settings.maxBackoff();
		}
		this.nextAttempt = this.clock.instant().plus(pause);
		if (count == 1) {
			if (handler) {
				log.error("{}: {}; retrying from it in {}", this.consumer, what, pause, ex);
			}
			else {
				log.warn("{}: {}; retrying in {}", this.consumer, what, pause);
			}
		}
		else {
			log.debug("{}: {} (attempt {}); retrying in {}", this.consumer, what, count, pause);
		}
	}

	private void recovered() {
		if (this.failures > 0) {
			log.info("{}: the {} feed is followed again after {} failed attempts, at seq {}", this.consumer,
					this.feed, this.failures, this.position);
			this.failures = 0;
			this.nextAttempt = Instant.MIN;
		}
	}

	private double ageOf(FeedEvent event) {
		return event.occurredAt() == null ? 0 : seconds(event.occurredAt());
	}

	private double seconds(Instant since) {
		return Math.max(0, Duration.between(since, this.clock.instant()).toMillis() / 1000.0);
	}

	/** The last seq applied, or -1 before the follower has read its cursor. */
	public long position() {
		Long known = this.position;
		return known == null ? -1 : known;
	}

	public boolean isFailing() {
		return this.failures > 0;
	}

	public double lagSeconds() {
		return this.lagSeconds;
	}

	public String consumer() {
		return this.consumer;
	}

	@Override
	public void start() {
		if (this.settings.enabled() && this.running == null) {
			this.running = this.scheduler.scheduleWithFixedDelay(this::tick, this.settings.interval());
		}
	}

	@Override
	public void stop() {
		ScheduledFuture<?> task = this.running;
		if (task != null) {
			task.cancel(false);
		}
		this.running = null;
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	@Override
	public String toString() {
		return this.consumer + " following " + this.feed;
	}

}
