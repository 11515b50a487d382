package news.platform.autoconfigure.feed.config;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The threads that run this process's relays and followers, apart from the application's own
 * scheduler: deliberately not a {@code TaskScheduler} bean, so Boot's scheduler and
 * {@code @Scheduled} methods are unaffected by it. The pool starts with the first relay or
 * follower that schedules on it: a process that declares none starts no thread.
 */
final class FeedThreads implements DisposableBean {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler() {

		// the one method relays and followers schedule with
		@Override
		public java.util.concurrent.ScheduledFuture<?> scheduleWithFixedDelay(Runnable task,
				java.time.Duration delay) {
			FeedThreads.this.startOnce();
			return super.scheduleWithFixedDelay(task, delay);
		}

	};

	private boolean started;

	FeedThreads(int threads) {
		this.scheduler.setPoolSize(Math.max(1, threads));
		this.scheduler.setThreadNamePrefix("feed-");
		this.scheduler.setDaemon(true);
		this.scheduler.setWaitForTasksToCompleteOnShutdown(false);
	}

	private synchronized void startOnce() {
		if (!this.started) {
			this.started = true;
			this.scheduler.initialize();
		}
	}

	ThreadPoolTaskScheduler scheduler() {
		return this.scheduler;
	}

	boolean started() {
		return this.started;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
