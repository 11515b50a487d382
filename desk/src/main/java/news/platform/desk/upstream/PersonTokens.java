package news.platform.desk.upstream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * The signed-in person's access token (refreshed when it has expired), for the one call that does
 * not go through a {@code RestClient} with the token interceptor: the streamed upload.
 */
public class PersonTokens {

	private final OAuth2AuthorizedClientManager authorizedClients;

	PersonTokens(OAuth2AuthorizedClientManager authorizedClients) {
		this.authorizedClients = authorizedClients;
	}

	/** The token, or null when the person's session has none (signed out meanwhile). */
	public String current(HttpServletRequest request, HttpServletResponse response) {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		if (person == null) {
			return null;
		}
		OAuth2AuthorizedClient client = this.authorizedClients.authorize(OAuth2AuthorizeRequest
			.withClientRegistrationId("identity")
			.principal(person)
			.attribute(HttpServletRequest.class.getName(), request)
			.attribute(HttpServletResponse.class.getName(), response)
			.build());
		return client == null ? null : client.getAccessToken().getTokenValue();
	}

}
