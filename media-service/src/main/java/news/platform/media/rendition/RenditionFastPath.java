package news.platform.media.rendition;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.OutputFormat;
import news.platform.media.item.MediaItem;

/**
 * Serves a rendition that is already in memory before the security chain and Spring MVC run:
 * the same anonymous endpoint, the same checks (parameters, signature, item, focal point), the
 * same answer as {@link RenditionController}. Anything else (a miss, a redirect, an error) goes
 * on to the controller. It sits after the request-metrics filter, so {@code http.server.requests}
 * still counts these requests. Measured with bench/media: the security filters and MVC cost
 * about twice the work of writing cached bytes.
 */
class RenditionFastPath extends OncePerRequestFilter {

	private static final Pattern PATH = Pattern.compile("/api/v1/media/([0-9a-f]{24})/rendition");

	static final String PATTERN = "/api/v1/media/{id}/rendition";

	private final MediaProperties.Renditions config;

	private final Rendering rendering;

	private final RenditionSigner signer;

	RenditionFastPath(MediaProperties properties, Rendering rendering, RenditionSigner signer) {
		this.config = properties.renditions();
		this.rendering = rendering;
		this.signer = signer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("GET".equals(method) || "HEAD".equals(method)) || !PATH.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		String id = uri.substring("/api/v1/media/".length(), uri.length() - "/rendition".length());
		RenditionSpec spec;
		try {
			spec = RenditionSpec.parse(this.config, request.getParameter("preset"), request.getParameter("w"),
					request.getParameter("h"), request.getParameter("fit"), request.getParameter("format"),
					request.getParameter("fp"), request.getParameter("sig"));
		}
		catch (ApiProblem ex) {
			chain.doFilter(request, response);
			return;
		}
		MediaItem item = this.rendering.cachedItem(id);
		if (item == null || (spec.signature() != null
				&& !this.signer.verify(spec.signature(), id, spec.width(), spec.height(), spec.fit()))) {
			chain.doFilter(request, response);
			return;
		}
		boolean cropped = spec.cover() && spec.height() > 0;
		if (cropped && (spec.focal() == null || spec.focal()[0] != item.focalX() || spec.focal()[1] != item.focalY())) {
			chain.doFilter(request, response);
			return;
		}
		OutputFormat output = spec.format() != null ? spec.format()
				: RenditionController.negotiate(request.getHeader(HttpHeaders.ACCEPT), item);
		Rendition rendition = this.rendering.cachedRendition(item, spec.width(), spec.height(), spec.cover(), output);
		if (rendition == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATTERN);
		// what the security chain's header writer adds to every answer
		response.setHeader("X-Content-Type-Options", "nosniff");
		RenditionController.write(request, response, spec, rendition);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<RenditionFastPath> renditionFastPath(MediaProperties properties, Rendering rendering,
				RenditionSigner signer) {
			FilterRegistrationBean<RenditionFastPath> registration = new FilterRegistrationBean<>(
					new RenditionFastPath(properties, rendering, signer));
			registration.addUrlPatterns("/api/v1/media/*");
			// after ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1), before the security chain
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
			return registration;
		}

	}

}
