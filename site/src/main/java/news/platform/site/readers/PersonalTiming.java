package news.platform.site.readers;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The site's own time of a personal answer ({@code /citatelj/…}) apart from waiting on the
 * services, as {@code Server-Timing} (the pages' {@code RenderTimer} does the same for cached
 * pages): from before the reader's session is read (this filter runs ahead of the session's) to
 * the answer's bytes, less the calls to comment-service and article-service made for it. The
 * benchmark's goal for the personal fragment is on the first figure (bench/site/readers.sh).
 */
@Configuration(proxyBeanMethods = false)
class PersonalTiming {

	private static final String START = PersonalTiming.class.getName() + ".start";

	/** Time waited on services by this request's thread (a personal answer makes its calls in turn). */
	private static final ThreadLocal<long[]> WAITED = ThreadLocal.withInitial(() -> new long[1]);

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> personalTimingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						request.setAttribute(START, System.nanoTime());
						WAITED.get()[0] = 0;
						chain.doFilter(request, response);
					}

				});
		registration.addUrlPatterns("/citatelj/*");
		// before the session's filter (Spring Session's, HIGHEST_PRECEDENCE + 50): reading the
		// session is the site's own time
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
		return registration;
	}

	/** A call to a service, counted as waiting. */
	static <T> T upstream(Supplier<T> call) {
		long t0 = System.nanoTime();
		try {
			return call.get();
		}
		finally {
			WAITED.get()[0] += System.nanoTime() - t0;
		}
	}

	/** {@code site;dur=…, upstream;dur=…} up to now; null when the filter did not see the request. */
	static String serverTiming(HttpServletRequest request) {
		if (!(request.getAttribute(START) instanceof Long start)) {
			return null;
		}
		long waited = WAITED.get()[0];
		long own = Math.max(0, System.nanoTime() - start - waited);
		return String.format(Locale.ROOT, "site;dur=%.2f;desc=\"site\", upstream;dur=%.2f;desc=\"services\"",
				own / 1e6, waited / 1e6);
	}

}
