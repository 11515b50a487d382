package news.platform.autoconfigure.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * The parts of a person's sign-in (authorization code with PKCE against the issuer) that the web
 * applications, the desk and the site, do alike.
 */
public final class SignIn {

	private SignIn() {
	}

	/**
	 * Access tokens for the calls to the services, refreshed with the refresh token when they
	 * expire.
	 */
	public static OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientRepository authorizedClients) {
		OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.refreshToken()
			.build();
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
				authorizedClients);
		manager.setAuthorizedClientProvider(provider);
		return manager;
	}

	/**
	 * Signing out at the issuer too (RP-initiated logout), after the application's own session has
	 * ended: signed out of the application alone, the next sign-in would pass without a question.
	 *
	 * @param endSession the issuer's end-session endpoint
	 * @param clientId the application's client
	 * @param afterSignOut the registered post-logout redirect URI (from the public URL, never a request)
	 * @param state what the issuer hands back on the redirect ({@code null}: none), from the sign-out request
	 */
	public static LogoutSuccessHandler signOutAtIssuer(String endSession, String clientId, String afterSignOut,
			Function<HttpServletRequest, String> state) {
		return (request, response, authentication) -> {
			StringBuilder target = new StringBuilder(endSession).append("?client_id=")
				.append(encode(clientId))
				.append("&post_logout_redirect_uri=")
				.append(encode(afterSignOut));
			String handedBack = state.apply(request);
			if (handedBack != null) {
				target.append("&state=").append(encode(handedBack));
			}
			if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
				target.append("&id_token_hint=").append(encode(user.getIdToken().getTokenValue()));
			}
			response.sendRedirect(target.toString());
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
