package news.platform.site.render;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fresh pages answered from the cache before Spring MVC runs: the same key, the same writer and the
 * same headers as the controllers (which answer everything else: misses, stale pages, assets).
 * After the request-metrics filter, so {@code http.server.requests} still counts these reads.
 */
public final class PageFastPath extends OncePerRequestFilter {

	private final PageCache cache;

	private final PageWriter writer;

	private final String searchPath;

	public PageFastPath(PageCache cache, PageWriter writer, String searchPath) {
		this.cache = cache;
		this.writer = writer;
		this.searchPath = searchPath;
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
		Rendered page = this.cache.fresh(PageKey.of(request, this.searchPath));
		if (page == null) {
			chain.doFilter(request, response);
			return;
		}
		this.writer.write(page, request, response, null);
	}

}
