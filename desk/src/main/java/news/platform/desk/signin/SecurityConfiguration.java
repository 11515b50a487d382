package news.platform.desk.signin;

import java.net.URI;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.security.ManagementEndpoints;
import news.platform.autoconfigure.signin.ReturnAddress;
import news.platform.autoconfigure.signin.SignIn;
import news.platform.desk.DeskProperties;

/**
 * Every desk page needs a signed-in member of the newsroom. Signing in is the authorization code
 * flow with PKCE against the issuer; the tokens stay in the server-side session (the shared
 * MongoSessions, encrypted), the browser holds only the desk's own cookie. Every redirect the desk
 * makes is a path or an address built from the shared public URL, never from the request's
 * {@code Host}: behind the gateway the Host is the desk's own address.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String REGISTRATION = "identity";

	static final String SIGN_OUT_PATH = "/odjava";

	/** The explicit sign-in link: {@code /prijava?natrag=/desk/...}. */
	static final String SIGN_IN_PATH = "/prijava";

	/** The management port's endpoints (never routed from outside): no session, no sign-in. */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
		return ManagementEndpoints.openChain(http);
	}

	@Bean
	@Order(1)
	SecurityFilterChain deskChain(HttpSecurity http, ClientRegistrationRepository registrations,
			StaffUserService staffUsers, ReturnAddress returns, LogoutSuccessHandler signOut,
			@Value("${platform.security.issuer}") String issuer) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		// PKCE for a confidential client too: a stolen code is useless without the verifier
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		// the success handler below reads the saved request itself: no "?continue" marker on the way back
		requests.setMatchingRequestParameterName(null);
		// only page views are worth returning to; an htmx fragment or an asset is not a page
		requests.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null);
		http.requestCache(cache -> cache.requestCache(requests))
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/assets/**", "/error", SIGN_IN_PATH)
				.permitAll()
				.anyRequest()
				.hasAnyRole(SignedInPerson.STAFF_ROLES.toArray(String[]::new)))
			.oauth2Login(login -> login
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffUsers))
				.successHandler((request, response, authentication) -> {
					SavedRequest saved = requests.getRequest(request, response);
					requests.removeRequest(request, response);
					String asked = returns.take(request);
					String target = asked != null ? asked : saved == null ? null : pathOf(saved.getRedirectUrl());
					response.sendRedirect(returns.safe(target));
				})
				.failureHandler((request, response, exception) -> response.sendError(HttpStatus.UNAUTHORIZED.value())))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(htmxEntryPoint(),
					new RequestHeaderRequestMatcher("HX-Request"))
				.defaultAuthenticationEntryPointFor(pageEntryPoint(), request -> true))
			.logout(logout -> logout.logoutUrl(SIGN_OUT_PATH).logoutSuccessHandler(signOut))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Scripts and styles from the desk only; forms post to the desk, and a sign-out's redirect goes
	 * to the issuer (browsers apply form-action to a form's redirects too).
	 */
	static String contentSecurityPolicy(String issuer) {
		String issuerOrigin = origin(issuer);
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
				+ issuerOrigin;
	}

	private static String origin(String address) {
		URI uri = URI.create(address);
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	/** A page: to the issuer's sign-in, by a relative redirect (the saved request brings the person back). */
	private static AuthenticationEntryPoint pageEntryPoint() {
		LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint(
				"/oauth2/authorization/" + REGISTRATION);
		entryPoint.setFavorRelativeUris(true);
		return entryPoint;
	}

	/** An htmx request of an expired session: htmx follows {@code HX-Redirect} with a full page load. */
	private static AuthenticationEntryPoint htmxEntryPoint() {
		return (request, response, exception) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + "/");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}

	/** The path and query of a saved request's URL (built by the container from the request's Host). */
	static String pathOf(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = URI.create(url);
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Bean
	ReturnAddress returnAddress(@Value("${server.servlet.context-path:}") String contextPath) {
		return new ReturnAddress(contextPath);
	}

	@Bean
	StaffUserService staffUserService(ClientRegistrationRepository registrations,
			@Value("${platform.security.roles-claim:roles}") String rolesClaim,
			@Value("${platform.security.issuer}") String issuer) {
		ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION);
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						audiences -> audiences != null && audiences.contains("news-platform"))));
		return new StaffUserService(decoder, rolesClaim);
	}

	/**
	 * Signing out ends the desk's session and then the issuer's (RP-initiated logout), which sends
	 * the person back to the desk's public address: signed out of the desk alone, the next visit
	 * would sign them in again without a question.
	 */
	@Bean
	LogoutSuccessHandler signOut(ClientRegistrationRepository registrations, PublicUrls publicUrls,
			DeskProperties properties, @Value("${platform.security.issuer}") String issuer,
			@Value("${server.servlet.context-path:}") String contextPath) {
		ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION);
		String afterSignOut = publicUrls.site() + contextPath + "/";
		return SignIn.signOutAtIssuer(issuer + properties.endSessionPath(), registration.getClientId(), afterSignOut,
				request -> null);
	}

	/** Access tokens refreshed with the refresh token when they expire, for the calls to the services. */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		return SignIn.authorizedClientManager(registrations, authorizedClients);
	}

}
