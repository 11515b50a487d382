package news.platform.article.search;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Searches run on a small pool of platform threads (one per core by default), in arrival order,
 * behind a bounded queue; a search that finds the queue full, or waits longer than allowed, is
 * refused with 503 and {@code Retry-After}.
 *
 * <p>Why: requests run on virtual threads, which the JDK never preempts, and a search is a few
 * milliseconds of CPU. With more searches than cores in flight, the virtual-thread scheduler let
 * some wait for many others: at 32 concurrent different searches on two cores, p99 was 8-20
 * times p50 (0.4-1.5 s). On this pool they wait their turn (p99 under twice p50, measured in
 * docs/article-performance.md), and the carrier threads stay free for everything else the
 * service answers (cached reads never wait behind searches). Answers from the rendered-page
 * cache never come here. Metrics: {@code executor_*{name="search"}}.
 */
final class SearchBulkhead implements AutoCloseable {

	private final ThreadPoolExecutor pool;

	private final long maxWaitNanos;

	SearchBulkhead(int threads, int queue, Duration maxWait, MeterRegistry meters) {
		AtomicInteger count = new AtomicInteger();
		int size = Math.max(1, threads);
		this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)),
				runnable -> {
					Thread thread = new Thread(runnable, "search-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.maxWaitNanos = maxWait.toNanos();
		ExecutorServiceMetrics.monitor(meters, this.pool, "search");
	}

	<T> T run(Supplier<T> search) {
		Future<T> result;
		try {
			result = this.pool.submit(search::get);
		}
		catch (RejectedExecutionException ex) {
			throw busy("the search queue is full");
		}
		try {
			return result.get(this.maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw busy("the search waited too long for its turn");
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw busy("the search was interrupted");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("search failed", ex.getCause());
		}
	}

	private static ApiProblem busy(String why) {
		return ApiProblem.retryLater(ProblemType.BUSY, "Search is busy: " + why + "; retry shortly.", 1);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
