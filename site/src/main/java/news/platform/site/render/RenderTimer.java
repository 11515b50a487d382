package news.platform.site.render;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import news.platform.site.content.UpstreamUnavailable;

/**
 * The clock of one render: everything the page's code waits for on the services goes through here,
 * so that the site's own time (building the page, the template, gzip) can be told apart from it
 * ({@code Server-Timing}, the {@code site.render} metric). Calls that do not depend on each other
 * are forked and joined; only the wait at the join counts.
 */
public final class RenderTimer {

	private final long start = System.nanoTime();

	private final AtomicLong waited = new AtomicLong();

	private final ExecutorService pool;

	public RenderTimer(ExecutorService pool) {
		this.pool = pool;
	}

	/** A call to a service, waited for here. */
	public <T> T call(Supplier<T> call) {
		long t0 = System.nanoTime();
		try {
			return call.get();
		}
		finally {
			this.waited.addAndGet(System.nanoTime() - t0);
		}
	}

	/** A call started now, to {@link #join} later. */
	public <T> Future<T> fork(Supplier<T> call) {
		long t0 = System.nanoTime();
		try {
			return this.pool.submit(call::get);
		}
		finally {
			// a full pool runs the call here and now: that is waiting too
			this.waited.addAndGet(System.nanoTime() - t0);
		}
	}

	public <T> T join(Future<T> future) {
		long t0 = System.nanoTime();
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamUnavailable("interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UpstreamUnavailable(String.valueOf(ex.getCause()), ex.getCause());
		}
		finally {
			this.waited.addAndGet(System.nanoTime() - t0);
		}
	}

	long elapsed() {
		return System.nanoTime() - this.start;
	}

	long waited() {
		return this.waited.get();
	}

}
