package news.platform.autoconfigure.security;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;

import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.ReactiveProblems;

/**
 * The same token checks for a reactive process (the gateway) as for the services: Boot's reactive
 * decoder with the platform's issuer and lifetime validators, and a 401 entry point answering
 * {@code /problems/unauthorized} like every service does.
 */
@AutoConfiguration(before = ReactiveOAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, Jwt.class })
@ConditionalOnProperty(name = "platform.security.resource-server.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ReactiveResourceServerAutoConfiguration {

	@Bean
	OAuth2TokenValidator<Jwt> platformIssuerValidator(PlatformSecurityProperties properties) {
		return PlatformJwtValidators.issuer(properties);
	}

	@Bean
	OAuth2TokenValidator<Jwt> platformLifetimeValidator(PlatformSecurityProperties properties) {
		return PlatformJwtValidators.lifetime(properties);
	}

	/** RFC 6750's {@code WWW-Authenticate} without saying why, and the platform's problem body. */
	@Bean
	@ConditionalOnMissingBean
	ServerAuthenticationEntryPoint problemAuthenticationEntryPoint() {
		return (exchange, ex) -> {
			exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			return ReactiveProblems.write(exchange, ProblemType.UNAUTHORIZED,
					"A valid bearer token is required for this request (signature, issuer, audience and lifetime are checked).")
				.then(Mono.empty());
		};
	}

}
