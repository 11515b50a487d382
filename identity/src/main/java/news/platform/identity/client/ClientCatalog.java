package news.platform.identity.client;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.core.LocalSecrets;
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.identity.IdentityProperties.Client;
import news.platform.identity.IdentityProperties;

/**
 * Registers the configured clients when identity starts, before it takes a request: the browser
 * applications (authorization code with PKCE, refresh tokens, redirect and post-logout URIs under
 * the site's public URL, never from a request), the services (client credentials) and, in
 * {@code local}, the token tool's public client. Secrets come from configuration (a Secret in a
 * cluster) or, in {@code local}, are made on first start and kept in
 * {@code <data-directory>/client-secrets.env} for the run command to hand to the other processes.
 */
@Component
class ClientCatalog implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ClientCatalog.class);

	static final String FILE = "client-secrets.env";

	private final RegisteredClients clients;

	private final IdentityProperties properties;

	private final PublicUrls publicUrls;

	private final PasswordEncoder passwords;

	private final Clock clock;

	ClientCatalog(RegisteredClients clients, IdentityProperties properties, PublicUrls publicUrls,
			PasswordEncoder passwords, Clock clock) {
		this.clients = clients;
		this.properties = properties;
		this.publicUrls = publicUrls;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		Map<String, String> secrets = secrets();
		this.properties.clients().forEach((id, client) -> this.clients.save(registration(id, client, secrets.get(id))));
		long removed = this.clients.removeAllExcept(this.properties.clients().keySet());
		log.info("Registered clients {}{}", this.properties.clients().keySet(),
				removed > 0 ? "; removed " + removed + " no longer configured" : "");
	}

	/** Each confidential client's secret: configured, or made and kept locally. */
	private Map<String, String> secrets() {
		Map<String, String> secrets = new LinkedHashMap<>();
		Map<String, Supplier<String>> missing = new LinkedHashMap<>();
		this.properties.clients().forEach((id, client) -> {
			if (client.kind() == Client.Kind.CLI) {
				return;
			}
			if (client.secret() != null && !client.secret().isBlank()) {
				secrets.put(id, client.secret());
			}
			else {
				missing.put(envName(id), () -> LocalSecrets.randomSecret(32));
			}
		});
		if (!missing.isEmpty()) {
			if (this.properties.dataFolder() == null) {
				throw new IllegalStateException("No secret for clients " + missing.keySet()
						+ ": set platform.identity.clients.<id>.secret (from a Secret)");
			}
			Path file = this.properties.dataFolder().resolve(FILE);
			Map<String, String> kept = LocalSecrets.readOrAdd(file, missing);
			this.properties.clients().keySet().forEach(id -> {
				if (kept.containsKey(envName(id)) && !secrets.containsKey(id)) {
					secrets.put(id, kept.get(envName(id)));
				}
			});
		}
		return secrets;
	}

	/** {@code comment-service} → {@code COMMENT_SERVICE_CLIENT_SECRET}. */
	static String envName(String clientId) {
		return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
	}

	private RegisteredClient registration(String id, Client client, String secret) {
		IdentityProperties.Tokens lifetimes = this.properties.tokens();
		RegisteredClient.Builder builder = RegisteredClient.withId(id)
			.clientId(id)
			.clientName(id)
			.clientIdIssuedAt(this.clock.instant())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(lifetimes.accessToken())
				.refreshTokenTimeToLive(lifetimes.refreshToken())
				.authorizationCodeTimeToLive(lifetimes.authorizationCode())
				.reuseRefreshTokens(false)
				.build());
		switch (client.kind()) {
			case BROWSER -> {
				builder.clientSecret(this.passwords.encode(secret))
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
					.redirectUri(this.publicUrls.site(client.redirectPath()).toString())
					.postLogoutRedirectUri(this.publicUrls.site(client.postLogoutPath()).toString())
					.scope(OidcScopes.OPENID)
					.scope(OidcScopes.PROFILE)
					.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
				if (client.alsoService()) {
					builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
				}
			}
			case SERVICE -> builder.clientSecret(this.passwords.encode(secret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
			case CLI -> builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri(client.redirectUri())
				.scope(OidcScopes.OPENID)
				.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
		}
		return builder.build();
	}

}
