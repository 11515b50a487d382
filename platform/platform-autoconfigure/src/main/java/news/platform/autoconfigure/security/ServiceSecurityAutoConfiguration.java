package news.platform.autoconfigure.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;


/**
 * Every API service is an OAuth2 resource server validating RS256 tokens itself against the
 * issuer's keys (Boot's {@code spring.security.oauth2.resourceserver.jwt.*}). Boot checks the
 * signature and audiences; this adds the issuer, the lifetime with the platform's clock skew, the
 * roles mapping, problem+json for 401/403 and a default chain. Web applications that sign people
 * in with sessions switch it off with {@code platform.security.resource-server.enabled=false}.
 */
@AutoConfiguration(before = { OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, JwtAuthenticationConverter.class })
@ConditionalOnProperty(name = "platform.security.resource-server.enabled", havingValue = "true", matchIfMissing = true)
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
		return PlatformJwtValidators.issuer(properties);
	}

	@Bean
	OAuth2TokenValidator<Jwt> platformLifetimeValidator(PlatformSecurityProperties properties) {
		return PlatformJwtValidators.lifetime(properties);
	}

	/** The issuer's JWKS is kept for {@code platform.security.jwk-set-cache-ttl} (key rotation: k8s/README.md). */
	@Bean
	JwkSetUriJwtDecoderBuilderCustomizer platformJwkSetCache(PlatformSecurityProperties properties) {
		// real time, not the application's clock (a test may move that on)
		ExpiringJwkSetCache cache = new ExpiringJwkSetCache(properties.jwkSetCacheTtl(), Clock.systemUTC());
		return builder -> builder.cache(cache);
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers() {
		return new ProblemSecurityHandlers();
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
