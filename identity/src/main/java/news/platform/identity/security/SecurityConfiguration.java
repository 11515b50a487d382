package news.platform.identity.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.security.ManagementEndpoints;
import news.platform.identity.account.AccountDetails;
import news.platform.identity.signin.SignInThrottle;
import news.platform.identity.signin.ThrottledSignIn;

/**
 * Four chains. The actuator (management port). The authorization server's endpoints (authorize, token, JWKS, discovery,
 * userinfo, logout), with a browser sent to the sign-in page when it must sign in. The admin API,
 * stateless, with this server's own bearer tokens and the role {@code admin}. The pages (sign-in,
 * sign-up, errors) with a session of their own cookie name and CSRF on every form. A strict
 * Content-Security-Policy everywhere: no script at all, forms post only here and to the site (a
 * signed-in browser is redirected to the site's or the desk's redirect URI right after the form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The actuator, on the management port only (never routed from outside): open and stateless,
	 * as in every service, so probes and Prometheus get answers rather than the sign-in page.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http) throws Exception {
		return ManagementEndpoints.openChain(http);
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
			OAuth2AuthorizationService authorizations, OAuth2AuthorizationConsentService consents,
			PublicUrls publicUrls) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.authorizationConsentService(consents)
				.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
		return headers(http, publicUrls).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName("roles");
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return http.securityMatcher("/admin/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole("admin"))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, AccountDetails accounts, PasswordEncoder passwords,
			SignInThrottle throttle, PublicUrls publicUrls) throws Exception {
		DaoAuthenticationProvider checkPassword = new DaoAuthenticationProvider(accounts);
		checkPassword.setPasswordEncoder(passwords);
		// this chain's own manager, without a parent: a refusal is final, no other provider may
		// check the password behind the throttle's back
		http.authenticationManager(new ProviderManager(new ThrottledSignIn(checkPassword, throttle)))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/signup", "/error", "/assets/**", "/favicon.ico")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").failureUrl("/login?error").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		return headers(http, publicUrls).build();
	}

	private static HttpSecurity headers(HttpSecurity http, PublicUrls publicUrls) throws Exception {
		String site = publicUrls.siteOrigin();
		return http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ", List.of("default-src 'none'",
					"style-src 'self'", "img-src 'self'", "form-action 'self' " + site, "frame-ancestors 'none'",
					"base-uri 'none'"))))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
	}

}
