package news.platform.starter.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

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

}
