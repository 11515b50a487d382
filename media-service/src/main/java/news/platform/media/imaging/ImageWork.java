package news.platform.media.imaging;

import java.awt.image.BufferedImage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import news.platform.media.MediaProperties;

/**
 * The one place where images are decoded and encoded: a fixed number of threads and a bounded
 * queue. Request threads (virtual or not) hand work here and wait, so a burst of uploads or
 * first-time renditions queues up instead of decoding dozens of photos at once; beyond the queue
 * the request is refused ({@link Busy}, 503 with Retry-After).
 */
@Component
public class ImageWork implements DisposableBean {

	private final ThreadPoolExecutor executor;

	private final long timeoutMillis;

	public ImageWork(MediaProperties properties, MeterRegistry registry) {
		requireCodecs();
		int threads = properties.work().effectiveThreads();
		AtomicInteger counter = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.work().queue())), runnable -> {
					Thread thread = new Thread(runnable, "image-work-" + counter.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.timeoutMillis = properties.work().timeout().toMillis();
		Gauge.builder("media.work.queued", this.executor, e -> e.getQueue().size())
			.description("image tasks waiting for a thread")
			.register(registry);
	}

	/**
	 * Registers the ImageIO plugins on the class path (TwelveMonkeys, webp-imageio) whatever thread
	 * touches ImageIO first, and fails the start when the native WebP encoder cannot load on this
	 * platform (it bundles libwebp for glibc Linux, macOS and Windows), rather than failing each
	 * WebP request later.
	 */
	static void requireCodecs() {
		ImageIO.scanForPlugins();
		try {
			Encoders.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), OutputFormat.WEBP, 0.8f);
		}
		catch (RuntimeException | LinkageError ex) {
			throw new IllegalStateException("The WebP encoder (webp-imageio with its bundled libwebp) cannot run here: "
					+ ex, ex);
		}
	}

	/** Runs the task on the pool and waits for it. */
	public <T> T run(Callable<T> task) {
		Future<T> future;
		try {
			future = this.executor.submit(task);
		}
		catch (RejectedExecutionException ex) {
			throw new Busy();
		}
		return await(future);
	}

	/** Starts the task on the pool; the caller may share the future (single flight). */
	public <T> CompletableFuture<T> start(Supplier<T> task) {
		try {
			return CompletableFuture.supplyAsync(task, this.executor);
		}
		catch (RejectedExecutionException ex) {
			throw new Busy();
		}
	}

	public <T> T await(Future<T> future) {
		try {
			return future.get(this.timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new Busy();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Busy();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** The queue is full or the work took longer than the configured timeout. */
	public static class Busy extends RuntimeException {

		Busy() {
			super("Image work queue is full", null, false, false);
		}

	}

}
