package news.platform.site.readers;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.security.ManagementEndpoints;
import news.platform.autoconfigure.session.SessionProperties;
import news.platform.autoconfigure.signin.ReturnAddress;
import news.platform.autoconfigure.signin.SignIn;

/**
 * Readers sign in with the authorization code flow with PKCE against the issuer (client
 * {@code site}); their tokens stay in the server-side session (the shared MongoSessions,
 * encrypted), the browser holds only the {@code SITE_SESSION} cookie. Every page stays open to
 * everyone: nothing here ever sends a reader to sign in by itself, so no cached page depends on who
 * asks. A session is made only when a reader starts signing in or submits a form, never for reading.
 * The site's own filter writes the security headers (the page cache keeps its own
 * {@code Cache-Control}), so Spring Security writes none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReaderProperties.class)
class ReaderSecurity {

	static final String REGISTRATION = "identity";

	static final String SIGN_IN_PATH = "/prijava";

	static final String SIGN_OUT_PATH = "/odjava";

	/** Where identity sends a reader after signing out, with the page to return to as {@code state}. */
	static final String SIGNED_OUT_PATH = "/odjava/gotovo";

	/**
	 * A cookie scripts may read, saying only "someone signed in on this browser" (value {@code 1}):
	 * the cached article page asks for the reader's personal box only then, so the many readers who
	 * never sign in make no request for it (the session cookie itself is HttpOnly).
	 */
	static final String SIGNED_IN_HINT = "SITE_READER";

	/** The management port's endpoints (never routed from outside): no session, no sign-in. */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
		return ManagementEndpoints.openChain(http);
	}

	@Bean
	@Order(1)
	SecurityFilterChain readerChain(HttpSecurity http, ClientRegistrationRepository registrations,
			ReturnAddress returns, LogoutSuccessHandler signOut, SessionProperties sessions) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		// PKCE for a confidential client too: a stolen code is useless without the verifier
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		OidcUserService people = new OidcUserService();
		// the ID token carries the name: no userinfo call
		people.setRetrieveUserInfo(request -> false);
		http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			// a reader returns to the page they named (/prijava?natrag=), never to a saved request
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.oauth2Login(login -> login
				.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(people))
				.successHandler((request, response, authentication) -> {
					response.addHeader(HttpHeaders.SET_COOKIE, signedInHint(sessions.secureCookie(), false));
					response.sendRedirect(returns.safe(returns.take(request)));
				})
				// a refused or broken sign-in (the reader said no, a stale code): back where they were
				.failureHandler((request, response, exception) -> response
					.sendRedirect(returns.safe(returns.take(request)))))
			.logout(logout -> logout.logoutUrl(SIGN_OUT_PATH)
				.addLogoutHandler((request, response, authentication) -> response.addHeader(HttpHeaders.SET_COOKIE,
						signedInHint(sessions.secureCookie(), true)))
				.logoutSuccessHandler(signOut))
			.headers(headers -> headers.disable());
		return http.build();
	}

	/** The {@link #SIGNED_IN_HINT} cookie, or the header that removes it. */
	static String signedInHint(boolean secure, boolean remove) {
		return ResponseCookie.from(SIGNED_IN_HINT, remove ? "" : "1")
			.path("/")
			.sameSite("Lax")
			.secure(secure)
			.maxAge(remove ? Duration.ZERO : Duration.ofSeconds(-1))
			.build()
			.toString();
	}

	@Bean
	ReturnAddress returnAddress() {
		return new ReturnAddress("");
	}

	/**
	 * Signing out ends the site's session and then the issuer's (RP-initiated logout): signed out of
	 * the site alone, the next sign-in would pass without a question. identity sends the reader to
	 * {@link #SIGNED_OUT_PATH} with the page they were on as {@code state}, checked again there.
	 */
	@Bean
	LogoutSuccessHandler signOut(ClientRegistrationRepository registrations, PublicUrls publicUrls,
			ReaderProperties properties, ReturnAddress returns, @Value("${platform.security.issuer}") String issuer) {
		ClientRegistration registration = registrations.findByRegistrationId(REGISTRATION);
		return SignIn.signOutAtIssuer(issuer + properties.endSessionPath(), registration.getClientId(),
				publicUrls.site(SIGNED_OUT_PATH).toString(), request -> returns.safe(request.getParameter("natrag")));
	}

	/** Access tokens refreshed with the refresh token when they expire, for the calls to comment-service. */
	@Bean
	OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		return SignIn.authorizedClientManager(registrations, authorizedClients);
	}

}
