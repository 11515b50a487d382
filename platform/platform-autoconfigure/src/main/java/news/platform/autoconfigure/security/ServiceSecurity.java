package news.platform.autoconfigure.security;

import java.util.Arrays;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What every service's security chain has in common: stateless bearer-token authentication,
 * problem+json for 401/403, no sessions and no CSRF (no cookies are ever read). A service adds
 * only its own authorization rules:
 *
 * <pre>{@code
 * return serviceSecurity.apply(http)
 *     .authorizeHttpRequests(requests -> requests.requestMatchers(GET, "/api/v1/articles/**").permitAll() ...)
 *     .build();
 * }</pre>
 */
public final class ServiceSecurity {

	private final ProblemSecurityHandlers handlers;

	private final JwtAuthenticationConverter jwtAuthenticationConverter;

	ServiceSecurity(ProblemSecurityHandlers handlers, JwtAuthenticationConverter jwtAuthenticationConverter) {
		this.handlers = handlers;
		this.jwtAuthenticationConverter = jwtAuthenticationConverter;
	}

	public HttpSecurity apply(HttpSecurity http) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(this.handlers).accessDeniedHandler(this.handlers))
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(this.handlers)
				.accessDeniedHandler(this.handlers)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(this.jwtAuthenticationConverter)))
			.headers(Customizer.withDefaults());
	}

	/**
	 * A chain of its own for anonymous reads of public paths ({@code GET}/{@code HEAD} without an
	 * {@code Authorization} header), to be ordered before the service's main chain. There is nothing
	 * to authenticate, so none of the authentication, security-context or authorization filters
	 * run: on a cached article read they were most of the service's time. Security headers are
	 * still written. A request that carries a token, or any other method, goes to the main chain.
	 */
	public SecurityFilterChain anonymousReads(HttpSecurity http, String... pathPatterns) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher[] publicPaths = Arrays.stream(pathPatterns).map(paths::matcher).toArray(RequestMatcher[]::new);
		RequestMatcher anonymousRead = request -> {
			String method = request.getMethod();
			boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
			return read && request.getHeader(HttpHeaders.AUTHORIZATION) == null
					&& Arrays.stream(publicPaths).anyMatch(matcher -> matcher.matches(request));
		};
		return http.securityMatcher(anonymousRead)
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.securityContext(AbstractHttpConfigurer::disable)
			.sessionManagement(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.exceptionHandling(AbstractHttpConfigurer::disable)
			.headers(Customizer.withDefaults())
			.build();
	}

}
