package news.platform.autoconfigure.session;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Removes expired sessions now and then: the embedded MongoDB has no TTL index. Its own thread,
 * not a {@code TaskScheduler} bean, so the application's scheduler is unaffected.
 */
final class ExpiredSessionCleanup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ExpiredSessionCleanup.class);

	private final MongoSessions sessions;

	private final Duration interval;

	private ScheduledExecutorService executor;

	ExpiredSessionCleanup(MongoSessions sessions, Duration interval) {
		this.sessions = sessions;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "session-cleanup");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::removeExpired, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void removeExpired() {
		try {
			long removed = this.sessions.removeExpired();
			if (removed > 0) {
				log.debug("Removed {} expired session(s)", removed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Removing expired sessions failed; retrying on the next run", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
