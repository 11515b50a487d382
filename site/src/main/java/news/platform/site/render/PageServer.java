package news.platform.site.render;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.site.content.UpstreamUnavailable;

/**
 * Answers a request from the cache, or renders it once (concurrent requests for the same key wait
 * for one render) and keeps it. When a service the page needs is down, the last good answer of the
 * key is served instead; with none, the unavailable page (503, not kept).
 */
public final class PageServer {

	private static final Logger log = LoggerFactory.getLogger(PageServer.class);

	/** Makes one answer; everything it waits for on services goes through the timer. */
	@FunctionalInterface
	public interface Renderer {

		Rendered render(RenderTimer timer);

	}

	private final PageCache cache;

	private final PageWriter writer;

	private final ExecutorService upstreamCalls;

	private final MeterRegistry meters;

	private final Counter staleServed;

	private final ConcurrentHashMap<String, CompletableFuture<Rendered>> inFlight = new ConcurrentHashMap<>();

	public PageServer(PageCache cache, PageWriter writer, ExecutorService upstreamCalls, MeterRegistry meters) {
		this.cache = cache;
		this.writer = writer;
		this.upstreamCalls = upstreamCalls;
		this.meters = meters;
		this.staleServed = Counter.builder("site.pages.stale")
			.description("Pages served from the last good copy because a service was down")
			.register(meters);
	}

	/**
	 * @param kind the kind of page, a metric tag ({@code article}, {@code home}, …)
	 * @param unavailable the 503 page, rendered without any service
	 */
	public void serve(String kind, String key, HttpServletRequest request, HttpServletResponse response,
			Renderer renderer, Renderer unavailable) throws IOException {
		Rendered fresh = this.cache.fresh(key);
		if (fresh != null) {
			this.writer.write(fresh, request, response, null);
			return;
		}
		Rendered page;
		try {
			page = renderOnce(kind, key, renderer);
		}
		catch (UpstreamUnavailable ex) {
			Rendered lastGood = this.cache.lastGood(key);
			if (lastGood != null) {
				log.debug("{}: served the last good page ({})", key, ex.getMessage());
				this.staleServed.increment();
				this.writer.write(lastGood, request, response, null);
				return;
			}
			log.warn("{}: no page to serve while a service is down: {}", key, ex.getMessage());
			Rendered down = unavailable.render(new RenderTimer(this.upstreamCalls));
			this.writer.write(down, request, response, null);
			return;
		}
		this.writer.write(page, request, response, serverTiming(page));
	}

	private Rendered renderOnce(String kind, String key, Renderer renderer) {
		CompletableFuture<Rendered> mine = new CompletableFuture<>();
		CompletableFuture<Rendered> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			try {
				return running.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
		}
		try {
			long generation = this.cache.generation();
			RenderTimer timer = new RenderTimer(this.upstreamCalls);
			Rendered made = renderer.render(timer);
			long waited = timer.waited();
			long own = Math.max(0, timer.elapsed() - waited);
			Rendered timed = made.timed(own, waited);
			Timer.builder("site.render")
				.description("The site's own time making a page on a cache miss (waiting on services left out)")
				.tag("kind", kind)
				.publishPercentileHistogram()
				.register(this.meters)
				.record(own, TimeUnit.NANOSECONDS);
			Timer.builder("site.render.upstream")
				.description("Time a page render waited on services")
				.tag("kind", kind)
				.register(this.meters)
				.record(waited, TimeUnit.NANOSECONDS);
			this.cache.put(key, timed, generation);
			mine.complete(timed);
			return timed;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, mine);
		}
	}

	static String serverTiming(Rendered page) {
		return String.format(Locale.ROOT, "render;dur=%.2f;desc=\"site\", upstream;dur=%.2f;desc=\"services\"",
				page.renderNanos() / 1e6, page.upstreamNanos() / 1e6);
	}

}
