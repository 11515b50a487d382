package news.platform.autoconfigure.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain for the actuator endpoints of a web application that signs people in (identity, the
 * desk): they answer only on the management port, which is never routed from outside, so they need
 * no sign-in, no session and no CSRF token. Register it ahead of the application's own chain
 * ({@code @Order(0)}); API services get the same from {@link ServiceSecurity}'s default chain.
 */
public final class ManagementEndpoints {

	private ManagementEndpoints() {
	}

	public static SecurityFilterChain openChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.securityContext(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

}
