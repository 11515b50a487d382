package news.platform.media.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import news.platform.autoconfigure.security.ServiceSecurity;
import news.platform.autoconfigure.security.TokenIdentity;

/**
 * Renditions and public metadata are anonymous; originals (which may carry GPS and camera data)
 * and usage only for staff; uploads and edits for staff; finer rules (who may delete) in the
 * service classes.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] STAFF = { TokenIdentity.JOURNALIST, TokenIdentity.EDITOR, TokenIdentity.ADMIN };

	@Bean
	SecurityFilterChain mediaSecurity(HttpSecurity http, ServiceSecurity serviceSecurity) throws Exception {
		return serviceSecurity.apply(http)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasRole(TokenIdentity.SERVICE)
				.requestMatchers("/api/v1/media/*/original", "/api/v1/media/*/usage")
				.hasAnyRole(STAFF)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.requestMatchers("/api/v1/media", "/api/v1/media/**")
				.hasAnyRole(STAFF)
				.anyRequest()
				.authenticated())
			.build();
	}

}
