package news.platform.autoconfigure.client;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/** {@code service} tokens from the identity provider's client-credentials grant (Spring Security's client). */
final class ClientCredentialsTokens {

	private final ClientRegistration registration;

	private final RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();

	private final Clock clock;

	ClientCredentialsTokens(ServiceTokenProperties properties, Clock clock) {
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId("platform-service")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(properties.tokenUri())
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret());
		if (properties.scope() != null && !properties.scope().isBlank()) {
			builder.scope(properties.scope().trim().split("\\s+"));
		}
		this.registration = builder.build();
		this.clock = clock;
	}

	CachedToken.Issued issue() {
		OAuth2AccessToken token = client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration))
			.getAccessToken();
		// a provider that sends no expires_in gets a conservative minute
		Instant expires = token.getExpiresAt() != null ? token.getExpiresAt() : clock.instant().plusSeconds(60);
		return new CachedToken.Issued(token.getTokenValue(), expires);
	}

}
