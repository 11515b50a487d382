package news.platform.starter.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server validating RS256 tokens itself: with the development
 * public key in {@code local} ({@code spring.security.oauth2.resourceserver.jwt.public-key-location})
 * and the identity provider's JWKS in {@code k8s} ({@code ...jwt.jwk-set-uri}). Boot checks the
 * signature, expiry and audiences; this adds the issuer check and the roles mapping.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter jwtAuthenticationConverter(PlatformSecurityProperties properties) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new RolesClaimConverter(properties.rolesClaim()));
		return converter;
	}

	@Bean
	OAuth2TokenValidator<Jwt> platformIssuerValidator(PlatformSecurityProperties properties) {
		if (!StringUtils.hasText(properties.issuer())) {
			throw new IllegalStateException(
					"platform.security.issuer is not set: every service must check the issuer of the tokens it accepts");
		}
		return new JwtIssuerValidator(properties.issuer());
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper jsonMapper) {
		return new ProblemSecurityHandlers(jsonMapper);
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceSecurity serviceSecurity(ProblemSecurityHandlers handlers,
			JwtAuthenticationConverter jwtAuthenticationConverter) {
		return new ServiceSecurity(handlers, jwtAuthenticationConverter);
	}

	/**
	 * Until a service declares its own rules: published reads are anonymous, writes need a token,
	 * service-to-service calls need the {@code service} role. Actuator endpoints answer only on
	 * the management port, which is never routed from outside.
	 */
	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain defaultServiceSecurityFilterChain(HttpSecurity http, ServiceSecurity serviceSecurity)
			throws Exception {
		return serviceSecurity.apply(http)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**", "/error")
				.permitAll()
				.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/internal/**")
				.hasRole("service")
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.build();
	}

}
