package news.platform.site.render;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fresh pages answered from the cache before anything else runs: the same key, the same writer and
 * the same headers as the controllers (which answer everything else: misses, stale pages, assets).
 * <p>
 * First in the chain, ahead of the request-observation filter: a cached page is the site's hottest
 * answer and the observation (a context, a tracing scope, the meter lookups) cost about as much as
 * writing the page itself (bench/site/results/2026-12-05T1146Z-profile.md). So that operators still
 * see every request in {@code http.server.requests}, this filter records its answers in that timer
 * itself, with the tags the observation gives the site's catch-all pages ({@code uri="/**"}); a
 * cached answer is never traced (it does no work worth a span).
 */
public final class PageFastPath extends OncePerRequestFilter {

	private final PageCache cache;

	private final PageWriter writer;

	private final String searchPath;

	private final MeterRegistry meters;

	/** one timer per method and status, built once */
	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	public PageFastPath(PageCache cache, PageWriter writer, String searchPath, MeterRegistry meters) {
		this.cache = cache;
		this.writer = writer;
		this.searchPath = searchPath;
		this.meters = meters;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method)) || request.getRequestURI().length() > PageKey.MAX_PATH
				|| request.getRequestURI().startsWith("/assets/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		Rendered page = this.cache.fresh(PageKey.of(request, this.searchPath));
		if (page == null) {
			chain.doFilter(request, response);
			return;
		}
		this.writer.write(page, request, response, null);
		timer(request.getMethod(), response.getStatus()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
	}

	private Timer timer(String method, int status) {
		return this.timers.computeIfAbsent(method + status, key -> Timer.builder("http.server.requests")
			.description("HTTP server request processing")
			.tag("method", method)
			.tag("uri", "/**")
			.tag("status", Integer.toString(status))
			.tag("outcome", outcome(status))
			.tag("exception", "none")
			.tag("error", "none")
			.register(this.meters));
	}

	private static String outcome(int status) {
		if (status >= 500) {
			return "SERVER_ERROR";
		}
		if (status >= 400) {
			return "CLIENT_ERROR";
		}
		if (status >= 300) {
			return "REDIRECTION";
		}
		return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
	}

}
