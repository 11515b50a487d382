package news.platform.comment.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;
import news.platform.comment.thread.CommentStatus;
import news.platform.comment.thread.Comments;

/**
 * The module's metrics, registered at start-up with every known tag value at 0:
 * {@code comments.posted{outcome}}, {@code comments.moderation.actions{action}}, and the queue
 * gauges {@code comments.moderation.pending} and {@code comments.moderation.oldest.age} (seconds),
 * recomputed every {@code comment.moderation.gauge-interval} (a count over the queue: batch work).
 */
@Component
class ModerationMetrics implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ModerationMetrics.class);

	public static final List<String> OUTCOMES = List.of("visible", "pending", "rejected", "refused", "rate_limited");

	public static final List<String> ACTIONS = List.of("approve", "reject", "hide", "suspend", "ban", "restore",
			"hold", "delete");

	private final Map<String, Counter> posted = new ConcurrentHashMap<>();

	private final Map<String, Counter> actions = new ConcurrentHashMap<>();

	private final AtomicLong pending = new AtomicLong();

	private final AtomicReference<Double> oldestAge = new AtomicReference<>(0.0);

	private final Comments comments;

	private final TaskScheduler scheduler;

	private final Duration interval;

	private volatile ScheduledFuture<?> task;

	ModerationMetrics(MeterRegistry meters, Comments comments, TaskScheduler scheduler, CommentProperties properties) {
		this.comments = comments;
		this.scheduler = scheduler;
		this.interval = properties.moderation().gaugeInterval();
		OUTCOMES.forEach(outcome -> this.posted.put(outcome, Counter.builder("comments.posted")
			.description("Comment posts by outcome")
			.tag("outcome", outcome)
			.register(meters)));
		ACTIONS.forEach(action -> this.actions.put(action, Counter.builder("comments.moderation.actions")
			.description("Moderation actions, by moderators and by the automatic rules")
			.tag("action", action)
			.register(meters)));
		Gauge.builder("comments.moderation.pending", this.pending, AtomicLong::get)
			.description("Comments waiting in the pre-moderation queue")
			.register(meters);
		Gauge.builder("comments.moderation.oldest.age", this.oldestAge, AtomicReference::get)
			.description("Age of the oldest comment waiting in the queue")
			.baseUnit("seconds")
			.register(meters);
	}

	public void posted(String outcome) {
		this.posted.get(outcome).increment();
	}

	public void action(String action) {
		this.actions.get(action).increment();
	}

	public void refreshQueueGauges() {
		try {
			this.pending.set(this.comments.count(CommentStatus.PENDING));
			this.oldestAge.set(this.comments.oldest(CommentStatus.PENDING)
				.map(oldest -> Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0))
				.orElse(0.0));
		}
		catch (RuntimeException ex) {
			log.warn("moderation queue gauges not refreshed: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		this.task = this.scheduler.scheduleWithFixedDelay(this::refreshQueueGauges, this.interval);
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
