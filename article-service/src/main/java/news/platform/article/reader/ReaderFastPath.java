package news.platform.article.reader;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The hottest request of the platform, an anonymous read of a published article by its slug,
 * answered from the reader cache before the security filters and Spring MVC run: the same bytes,
 * ETags, 304s and headers as {@link ReaderController} (it calls the same writer), and the security
 * headers the security chain would add. Anything else (a token, ninjs, an old slug, an unknown
 * one, another path) goes on to the controller. It sits after the request-metrics filter, so
 * {@code http.server.requests} and the request's trace still see these reads. Measured with
 * bench/article: the servlet filter stack around the cache lookup was most of the time. Registered
 * in {@link ReaderConfiguration}.
 */
class ReaderFastPath extends OncePerRequestFilter {

	static final String PREFIX = "/api/v1/articles/by-slug/";

	private final ReaderCache cache;

	private final String cacheControl;

	ReaderFastPath(ReaderCache cache, String cacheControl) {
		this.cache = cache;
		this.cacheControl = cacheControl;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method)) || !request.getRequestURI().startsWith(PREFIX)
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getQueryString() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String slug = request.getRequestURI().substring(PREFIX.length());
		if (!ReaderController.SLUG.matcher(slug).matches() || ReaderController.wantsNinjs(request)) {
			chain.doFilter(request, response);
			return;
		}
		ReaderCache.Entry entry = this.cache.idForSlug(slug).flatMap(this.cache::byId).orElse(null);
		if (entry == null || !entry.slug().equals(slug)) {
			// unknown, unpublished or an old slug (301): the controller answers
			chain.doFilter(request, response);
			return;
		}
		// what the security chain's header writer adds to every answer
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("X-Frame-Options", "DENY");
		ReaderController.write(entry, false, this.cacheControl, request, response);
	}

}
