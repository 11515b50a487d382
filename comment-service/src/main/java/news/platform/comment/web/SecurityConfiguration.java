package news.platform.comment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import news.platform.autoconfigure.security.ServiceSecurity;
import news.platform.autoconfigure.security.TokenIdentity;
import news.platform.autoconfigure.security.TokenIdentity;

/**
 * Reads are anonymous; any signed-in role may post, react and report; the moderation API needs
 * moderator, editor or admin. Who may edit or delete a given comment is decided with the comment.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The roles {@link TokenIdentity#isModerator()} accepts. */
	static final String[] MODERATORS = { TokenIdentity.MODERATOR, TokenIdentity.EDITOR, TokenIdentity.ADMIN };

	@Bean
	SecurityFilterChain commentSecurity(HttpSecurity http, ServiceSecurity serviceSecurity) throws Exception {
		return serviceSecurity.apply(http)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasRole(TokenIdentity.SERVICE)
				.requestMatchers("/api/v1/comments/moderation/**")
				.hasAnyRole(MODERATORS)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

}
