package news.platform.identity.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import news.platform.identity.account.Account;
import news.platform.identity.account.Accounts;
import news.platform.identity.keys.SigningKeys;

/**
 * What the platform's tokens say, so that nothing downstream changes whoever issued them:
 * {@code sub} is the account's immutable id (never the user name: owners and author profiles key on
 * it), {@code name} what comments and bylines show, {@code roles} the platform roles, and access
 * tokens are for the audience {@code news-platform}. A service (client credentials) is {@code sub} =
 * its client id with the role {@code service}. Every token names the active key in {@code kid}.
 *
 * <p>Roles and name are read from the account each time a token is made, so a refresh carries the
 * roles an admin gave or took since, and an account that was disabled or removed gets no new token.
 */
@Component
class PlatformTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String AUDIENCE = "news-platform";

	private final SigningKeys keys;

	private final Accounts accounts;

	PlatformTokenClaims(SigningKeys keys, Accounts accounts) {
		this.keys = keys;
		this.accounts = accounts;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		context.getJwsHeader().keyId(this.keys.activeKeyId());
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			String client = context.getRegisteredClient().getClientId();
			context.getClaims().subject(client).claim("name", client).claim("roles", list("service"));
			if (accessToken) {
				context.getClaims().audience(list(AUDIENCE));
			}
			return;
		}
		Account account = this.accounts.byId(context.getPrincipal().getName())
			.filter(Account::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The account is no longer active", null)));
		context.getClaims().subject(account.id()).claim("name", account.displayName());
		if (accessToken) {
			context.getClaims().audience(list(AUDIENCE)).claim("roles", new ArrayList<>(account.roles()));
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			context.getClaims().claim("preferred_username", account.username());
		}
	}

	/**
	 * A mutable list: the claims are kept in the authorization's metadata, whose JSON reads back only
	 * the collection types on Spring Security's allow-list ({@code List.of} is not among them).
	 */
	private static List<String> list(String value) {
		return new ArrayList<>(List.of(value));
	}

}
