package news.platform.desk.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.context.request.RequestAttributesThreadLocalAccessor;

/**
 * The independent service calls of one page at once: the dashboard's counts and shelves were nine
 * calls to article-service one after the other, most of the page's time. Each call runs on a pool
 * thread that sees what the request thread sees (the signed-in person, the request and its session
 * for the person's token, the trace), restored from a context-propagation snapshot and cleared
 * after. The pool and its queue are bounded; when both are full the request thread makes the call
 * itself, so a busy desk slows down rather than refusing pages.
 * <p>
 * A token that needs refreshing must be refreshed before the calls fan out (make one call first):
 * several threads refreshing one person's token at once would spend the same refresh token.
 */
public final class ParallelCalls implements DisposableBean {

	private final ContextSnapshotFactory snapshots;

	private final ThreadPoolExecutor pool;

	ParallelCalls(int threads) {
		ContextRegistry registry = new ContextRegistry().loadThreadLocalAccessors()
			.registerThreadLocalAccessor(new RequestAttributesThreadLocalAccessor());
		this.snapshots = ContextSnapshotFactory.builder().contextRegistry(registry).build();
		AtomicInteger count = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 8),
				runnable -> {
					Thread thread = new Thread(runnable, "desk-calls-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.CallerRunsPolicy());
		this.pool.allowCoreThreadTimeOut(true);
	}

	/**
	 * Every call's answer, in the order given. The first call that failed is thrown as it was
	 * (a {@link Refusal}, {@link ServiceUnavailable}, or any other runtime exception), after all have
	 * finished, so none outlives the request.
	 */
	public <T> List<T> all(List<Supplier<T>> calls) {
		if (calls.size() < 2) {
			return calls.stream().map(Supplier::get).toList();
		}
		ContextSnapshot snapshot = this.snapshots.captureAll();
		List<Future<T>> running = new ArrayList<>(calls.size());
		for (Supplier<T> call : calls) {
			running.add(this.pool.submit(snapshot.wrap(call::get)));
		}
		List<T> answers = new ArrayList<>(calls.size());
		RuntimeException failure = null;
		for (Future<T> answer : running) {
			try {
				answers.add(answer.get());
			}
			catch (ExecutionException ex) {
				if (failure == null) {
					failure = ex.getCause() instanceof RuntimeException runtime ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				running.forEach(other -> other.cancel(true));
				throw new IllegalStateException("Interrupted while waiting for service calls", ex);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return answers;
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

}
