package news.platform.article.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import news.platform.autoconfigure.security.ServiceSecurity;
import news.platform.autoconfigure.security.TokenIdentity;

/**
 * Coarse rules by path and method; who may change which article (own drafts, editors' rights)
 * is decided in the service classes, which see the article.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	// actuator answers on the management port only, which is never routed from outside
	private static final String[] STAFF = { TokenIdentity.JOURNALIST, TokenIdentity.EDITOR, TokenIdentity.ADMIN };

	/** Anonymous reads of published content: no token to check, so no authentication filters. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain anonymousArticleReads(HttpSecurity http, ServiceSecurity serviceSecurity) throws Exception {
		// /api/v1/tags and /api/v1/authors themselves (autocomplete) are staff-only: not here
		return serviceSecurity.anonymousReads(http, "/api/v1/articles", "/api/v1/articles/**", "/api/v1/sections",
				"/api/v1/sections/**", "/api/v1/tags/*", "/api/v1/authors/*");
	}

	@Bean
	SecurityFilterChain articleSecurity(HttpSecurity http, ServiceSecurity serviceSecurity) throws Exception {
		return serviceSecurity.apply(http)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasRole(TokenIdentity.SERVICE)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers("/api/v1/articles", "/api/v1/articles/**", "/api/v1/sections", "/api/v1/sections/**",
						"/api/v1/tags", "/api/v1/tags/**", "/api/v1/authors", "/api/v1/authors/**")
				.hasAnyRole(STAFF)
				.anyRequest()
				.authenticated())
			.build();
	}

}
